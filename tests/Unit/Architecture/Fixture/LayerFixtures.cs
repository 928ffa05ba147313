// Types for LayerReferencesTests: each namespace is a "layer" below Cmf.UnitTests.Architecture.Fixture, and each names
// Upper in exactly one way, so a checker that misses that way fails its test.
#pragma warning disable CA1812, CA1822, CA1852, IDE0044, IDE0051, IDE0052, IDE0161, CS0169, CS0649

namespace Cmf.UnitTests.Architecture.Fixture.Upper
{
    internal sealed class Widget
    {
        public override string ToString() => "widget";
    }
}

namespace Cmf.UnitTests.Architecture.Fixture.BodyOnly
{
    internal sealed class Maker
    {
        public string Make() => new Upper.Widget().ToString();
    }
}

namespace Cmf.UnitTests.Architecture.Fixture.FieldOnly
{
    internal sealed class Holder
    {
        private Upper.Widget[]? _widgets;
    }
}

namespace Cmf.UnitTests.Architecture.Fixture.LambdaOnly
{
    internal sealed class Deferred
    {
        public Func<object> Later() => () => new List<Upper.Widget>();
    }
}

namespace Cmf.UnitTests.Architecture.Fixture.AsyncOnly
{
    internal sealed class Awaiter
    {
        public async Task<string> LaterAsync()
        {
            await Task.Yield();
            return nameof(Awaiter) + new Upper.Widget();
        }
    }
}
