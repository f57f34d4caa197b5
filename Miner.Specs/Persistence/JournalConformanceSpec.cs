using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>What every <see cref="IEventJournal"/> must do; run against in-memory, SQLite and PostgreSQL journals.</summary>
public abstract class JournalConformanceSpec : IAsyncLifetime
{
    private IEventJournal? _journal;

    protected IEventJournal Journal => _journal ?? throw new InvalidOperationException("journal not opened");

    protected abstract Task<IEventJournal> OpenAsync();

    public async Task InitializeAsync() => _journal = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        if (_journal is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (_journal is IDisposable disposable) disposable.Dispose();
    }

    protected static JournalEntry Event(string id, long nr, string item = "x") =>
        new(id, nr, "spec.item-recorded.v1", $$"""{"item":"{{item}}"}""", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + nr));

    protected static JournalEntry[] Events(string id, long from, long to) =>
        Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => Event(id, n, "item-" + n)).ToArray();

    [StoreFact]
    public async Task Appended_events_replay_in_sequence_order_with_every_field_intact()
    {
        var written = Events("p", 1, 5);
        await Journal.AppendAsync(written[..2]);
        await Journal.AppendAsync(written[2..]);
        Assert.Equal(written, await Journal.ReplayAsync("p", 1, long.MaxValue, 100));
    }

    [StoreFact]
    public async Task Replay_honours_the_from_to_and_max_bounds()
    {
        await Journal.AppendAsync(Events("p", 1, 10));
        var page = await Journal.ReplayAsync("p", 3, 8, 4);
        Assert.Equal([3L, 4, 5, 6], page.Select(e => e.SequenceNr));
    }

    [StoreFact]
    public async Task Persistence_ids_do_not_see_each_others_events()
    {
        await Journal.AppendAsync(Events("a", 1, 2));
        await Journal.AppendAsync(Events("b", 1, 3));
        Assert.Equal(2, (await Journal.ReplayAsync("a", 1, long.MaxValue, 100)).Count);
        Assert.Equal(3, await Journal.HighestSequenceNrAsync("b"));
    }

    [StoreFact]
    public async Task The_highest_sequence_number_of_an_unknown_id_is_zero()
    {
        Assert.Equal(0, await Journal.HighestSequenceNrAsync("nobody"));
        Assert.Empty(await Journal.ReplayAsync("nobody", 1, long.MaxValue, 100));
    }

    [StoreFact]
    public async Task A_duplicate_sequence_number_fails_loudly_and_writes_nothing_of_its_batch()
    {
        await Journal.AppendAsync(Events("p", 1, 2));
        var error = await Assert.ThrowsAsync<DuplicateSequenceNumberException>(() => Journal.AppendAsync([Event("p", 2, "again"), Event("p", 3)]));
        Assert.Contains("'p'", error.Message);
        var stored = await Journal.ReplayAsync("p", 1, long.MaxValue, 100);
        Assert.Equal([1L, 2], stored.Select(e => e.SequenceNr));
        Assert.Contains("item-2", stored[1].Payload);
    }

    [StoreFact]
    public async Task A_batch_with_a_gap_or_two_ids_is_refused_before_writing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.AppendAsync([Event("p", 1), Event("p", 3)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.AppendAsync([Event("p", 1), Event("q", 2)]));
        Assert.Equal(0, await Journal.HighestSequenceNrAsync("p"));
    }

    [StoreFact]
    public async Task DeleteUpTo_removes_only_the_events_up_to_the_bound()
    {
        await Journal.AppendAsync(Events("p", 1, 5));
        await Journal.DeleteUpToAsync("p", 3);
        Assert.Equal([4L, 5], (await Journal.ReplayAsync("p", 1, long.MaxValue, 100)).Select(e => e.SequenceNr));
    }

    [StoreFact]
    public async Task The_highest_sequence_number_survives_deleting_every_event()
    {
        await Journal.AppendAsync(Events("p", 1, 4));
        await Journal.DeleteUpToAsync("p", long.MaxValue);
        Assert.Empty(await Journal.ReplayAsync("p", 1, long.MaxValue, 100));
        Assert.Equal(4, await Journal.HighestSequenceNrAsync("p"));
    }

    [StoreFact]
    public async Task Concurrent_writers_of_one_sequence_number_leave_exactly_one_event()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => Journal.AppendAsync([Event("p", 1, "writer-" + i)]))).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                await t;
                return true;
            }
            catch (DuplicateSequenceNumberException)
            {
                return false;
            }
        }));
        Assert.Single(outcomes, won => won);
        Assert.Single(await Journal.ReplayAsync("p", 1, long.MaxValue, 100));
    }

    [StoreFact]
    public async Task Payload_text_round_trips_unicode_and_quotes_unchanged()
    {
        var entry = Event("p", 1) with { Payload = """{"item":"ünïcødé \"quoted\" 🚀 \u0000-free"}""" };
        await Journal.AppendAsync([entry]);
        Assert.Equal(entry.Payload, (await Journal.ReplayAsync("p", 1, 1, 1))[0].Payload);
    }
}
