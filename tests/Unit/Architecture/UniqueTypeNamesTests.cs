using System.Reflection;
using System.Runtime.CompilerServices;

namespace Cmf.UnitTests.Architecture;

/// <summary>
/// Every type the product's assemblies declare has a name of its own (issue 18), so no reader has to ask which
/// <c>JobState</c> a file means and no file needs a <c>using X = ...</c> alias to tell two apart.
/// </summary>
public sealed class UniqueTypeNamesTests
{
    private static readonly Assembly[] ProductAssemblies =
    [
        typeof(Cmf.Core.Model.ApplicationKey).Assembly,
        typeof(Cmf.Dashboard.Components.App).Assembly,
        typeof(Cmf.Simulator.SimulatorProgram).Assembly,
    ];

    [Fact]
    public void No_two_types_of_the_product_share_a_name()
    {
        var duplicates = TypeNameClashes.Find(ProductAssemblies.SelectMany(TypeNameClashes.DeclaredTypes))
            .Select(clash => $"{clash.Key}: {string.Join(", ", clash.Select(t => $"{t.FullName} ({t.Assembly.GetName().Name})"))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Types that share a name:" + Environment.NewLine + string.Join(Environment.NewLine, duplicates));
    }

    [Fact]
    public void The_check_finds_two_types_of_one_name_in_different_namespaces()
    {
        var clashes = TypeNameClashes.Find([typeof(System.Threading.Timer), typeof(System.Timers.Timer), typeof(System.Threading.Thread)]);

        var clash = Assert.Single(clashes);
        Assert.Equal("Timer", clash.Key);
        Assert.Equal(2, clash.Count());
    }

    [Fact]
    public void The_check_leaves_out_generated_types_and_migrations()
    {
        var declared = ProductAssemblies.SelectMany(TypeNameClashes.DeclaredTypes).ToList();

        Assert.DoesNotContain(declared, t => t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false));
        Assert.DoesNotContain(declared, t => t.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) == true);
        Assert.Contains(declared, t => t == typeof(Cmf.Core.Tracking.InstanceTracker));
    }

    /// <summary>The types a person wrote, by simple name (a generic's arity left off).</summary>
    private static class TypeNameClashes
    {
        public static IEnumerable<Type> DeclaredTypes(Assembly assembly) =>
            assembly.GetTypes().Where(t =>
                !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
                && !t.Name.Contains('<', StringComparison.Ordinal)
                && !t.Name.StartsWith("__", StringComparison.Ordinal)
                && (t.DeclaringType is null || !t.DeclaringType.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                && (t.Namespace is null || t.Namespace.StartsWith("Cmf.", StringComparison.Ordinal))
                && t.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) != true);

        public static IEnumerable<IGrouping<string, Type>> Find(IEnumerable<Type> types) =>
            types.GroupBy(t => t.Name.Split('`')[0], StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal);
    }
}
