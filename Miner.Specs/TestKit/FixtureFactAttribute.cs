namespace Miner.Specs.TestKit;

/// <summary>A fact that needs ../shared/fixtures: skipped, with the reason, when the folder is absent.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (SharedFixtures.Root is null) Skip = SharedFixtures.MissingReason;
    }
}
