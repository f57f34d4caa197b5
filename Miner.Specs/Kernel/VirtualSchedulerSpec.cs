using Miner.Actors.Kernel;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 37: virtual time.</summary>
public sealed class VirtualSchedulerSpec
{
    private readonly VirtualScheduler _clock = new();
    private readonly List<string> _fired = new();

    [Fact]
    public void Nothing_fires_until_the_clock_is_advanced()
    {
        _clock.ScheduleOnce(TimeSpan.Zero, () => _fired.Add("now"));
        Assert.Empty(_fired);
        _clock.Advance(TimeSpan.Zero);
        Assert.Equal(new[] { "now" }, _fired);
    }

    [Fact]
    public void Items_fire_in_time_order()
    {
        _clock.ScheduleOnce(TimeSpan.FromSeconds(2), () => _fired.Add("2s"));
        _clock.ScheduleOnce(TimeSpan.FromSeconds(1), () => _fired.Add("1s"));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "1s", "2s" }, _fired);
    }

    [Fact]
    public void Items_due_at_the_same_time_fire_in_the_order_they_were_scheduled()
    {
        foreach (var name in new[] { "a", "b", "c" }) _clock.ScheduleOnce(TimeSpan.FromSeconds(1), () => _fired.Add(name));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "a", "b", "c" }, _fired);
    }

    [Fact]
    public void The_clock_reads_the_due_time_while_an_item_fires()
    {
        var start = _clock.UtcNow;
        DateTimeOffset seen = default;
        _clock.ScheduleOnce(TimeSpan.FromSeconds(3), () => seen = _clock.UtcNow);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(start + TimeSpan.FromSeconds(3), seen);
        Assert.Equal(start + TimeSpan.FromSeconds(10), _clock.UtcNow);
    }

    [Fact]
    public void A_repeating_item_is_rescheduled_every_interval()
    {
        _clock.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => _fired.Add("tick"));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(3, _fired.Count);
    }

    [Fact]
    public void A_cancelled_item_is_skipped()
    {
        var item = _clock.ScheduleOnce(TimeSpan.FromSeconds(1), () => _fired.Add("cancelled"));
        item.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_fired);
    }

    [Fact]
    public void An_item_scheduled_by_a_firing_item_within_the_advance_also_fires()
    {
        _clock.ScheduleOnce(TimeSpan.FromSeconds(1), () => _clock.ScheduleOnce(TimeSpan.FromSeconds(1), () => _fired.Add("chained")));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { "chained" }, _fired);
    }

    [Fact]
    public void Time_cannot_go_backwards()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
