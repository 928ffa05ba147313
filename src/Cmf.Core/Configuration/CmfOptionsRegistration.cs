using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmf.Core.Configuration;

public static class CmfOptionsRegistration
{
    /// <summary>Binds <c>Cmf</c>, reads the environments' defaults and validates everything when the host starts.</summary>
    public static OptionsBuilder<CmfOptions> AddCmfOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CmfOptions.SectionName);
        services.AddSingleton<IValidateOptions<CmfOptions>, CmfOptionsValidator>();
        return services.AddOptions<CmfOptions>()
            .Bind(section)
            .PostConfigure(options => EnvironmentDefaultsReader.Fill(options, section))
            .ValidateOnStart();
    }
}
