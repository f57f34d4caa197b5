using Miner.Actors.Kernel;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 30, the replacement for SmallestMailbox: work goes only to workers that asked.</summary>
public sealed class DemandTrackerSpec
{
    private readonly DemandTracker<string> _demand = new();

    [Fact]
    public void No_work_is_offered_while_no_worker_has_credit()
    {
        _demand.AddCredit("gpu-0");
        Assert.True(_demand.TryTake(out _));
        Assert.False(_demand.TryTake(out _));
    }

    [Fact]
    public void Workers_with_credit_take_turns()
    {
        _demand.AddCredit("gpu-0", 2);
        _demand.AddCredit("gpu-1", 2);
        var order = Enumerable.Range(0, 4).Select(_ => _demand.TryTake(out var w) ? w : "none").ToArray();
        Assert.Equal(new[] { "gpu-0", "gpu-1", "gpu-0", "gpu-1" }, order);
    }

    [Fact]
    public void A_worker_without_credit_is_skipped()
    {
        _demand.AddCredit("gpu-0");
        _demand.AddCredit("gpu-1", 3);
        _demand.TryTake(out _);
        Assert.True(_demand.TryTake(out var next));
        Assert.Equal("gpu-1", next);
        Assert.True(_demand.TryTake(out next));
        Assert.Equal("gpu-1", next);
    }

    [Fact]
    public void A_removed_worker_loses_its_credit()
    {
        _demand.AddCredit("gpu-0", 2);
        _demand.AddCredit("gpu-1");
        _demand.Remove("gpu-0");
        Assert.Equal(1, _demand.TotalCredit);
        Assert.True(_demand.TryTake(out var worker));
        Assert.Equal("gpu-1", worker);
        Assert.False(_demand.TryTake(out _));
    }

    [Fact]
    public void Credit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _demand.AddCredit("gpu-0", 0));
    }
}
