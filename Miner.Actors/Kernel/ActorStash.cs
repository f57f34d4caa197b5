namespace Miner.Actors.Kernel;

/// <summary>The bounded stash of one actor; only used on the actor's own turn.</summary>
internal sealed class ActorStash(ActorCell cell, int capacity) : IStash
{
    private readonly List<Envelope> _items = new();

    public int Count => _items.Count;
    public int Capacity { get; } = capacity;

    public void Stash()
    {
        var current = cell.CurrentEnvelopeForStash();
        if (_items.Count >= Capacity)
            throw new StashOverflowException($"{cell.Self.Path}: stash is full ({Capacity} messages)");
        _items.Add(current);
    }

    public void Unstash()
    {
        if (_items.Count == 0) return;
        var first = _items[0];
        _items.RemoveAt(0);
        cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll()
    {
        if (_items.Count == 0) return;
        cell.Mailbox.Prepend(_items.ToArray());
        _items.Clear();
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _items.ToArray();
        _items.Clear();
        return all;
    }
}
