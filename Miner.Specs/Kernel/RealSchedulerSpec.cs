using Miner.Actors.Kernel;

namespace Miner.Specs.Kernel;

/// <summary>The wall-clock scheduler; these run in real time, with delays of milliseconds.</summary>
public sealed class RealSchedulerSpec
{
    [Fact]
    public async Task A_one_shot_action_never_runs_before_its_due_time_on_the_wall_clock()
    {
        var scheduler = RealScheduler.Instance;
        var early = new List<TimeSpan>();
        var fired = new List<Task>();
        for (var i = 0; i < 40; i++)
        {
            // Fractional milliseconds are what the timer's whole-millisecond count truncated.
            var delay = TimeSpan.FromMilliseconds(2 + i * 0.37);
            var due = scheduler.UtcNow + delay;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            scheduler.ScheduleOnce(delay, () =>
            {
                var now = scheduler.UtcNow;
                if (now < due) lock (early) early.Add(due - now);
                done.SetResult();
            });
            fired.Add(done.Task);
        }

        await Task.WhenAll(fired).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(early);
    }

    [Fact]
    public async Task A_cancelled_one_shot_action_does_not_run()
    {
        var ran = false;
        var timer = RealScheduler.Instance.ScheduleOnce(TimeSpan.FromMilliseconds(20), () => ran = true);
        timer.Cancel();

        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        RealScheduler.Instance.ScheduleOnce(TimeSpan.FromMilliseconds(60), later.SetResult);
        await later.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(ran);
    }
}
