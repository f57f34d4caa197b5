namespace Miner.Specs.TestKit;

/// <summary>A fact that needs a <see cref="ThrowawayPostgres"/>: skipped, with the reason, when none can be started here.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ThrowawayPostgres.UnavailableReason is { } reason) Skip = reason;
    }
}
