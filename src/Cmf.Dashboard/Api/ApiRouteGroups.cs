namespace Cmf.Dashboard.Api;

/// <summary>How API routes are declared: read methods only, and a 406 before any work when the client accepts nothing we write.</summary>
public static class ApiRouteGroups
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(async (context, next) => ApiFormats.Negotiate(context.HttpContext.Request) is null
            ? ApiResults.Error(StatusCodes.Status406NotAcceptable, $"This API answers in {ApiFormats.Supported}.")
            : await next(context));
        return group;
    }

    public static RouteHandlerBuilder MapRead(this RouteGroupBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, ReadMethods, handler);
}
