namespace Miner.Actors.Kernel;

internal sealed partial class ActorCell
{
    private readonly object _childrenLock = new();
    private readonly Dictionary<string, ChildEntry> _children = new();
    private long _nextAutoName;

    public IReadOnlyList<IActorRef> Children
    {
        get
        {
            lock (_childrenLock) return _children.Values.Select(c => c.Cell.Self).ToArray();
        }
    }

    public IActorRef? Child(string name)
    {
        lock (_childrenLock) return _children.TryGetValue(name, out var entry) ? entry.Cell.Self : null;
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ActorCell child;
        lock (_childrenLock)
        {
            if (_terminating) throw new IllegalActorStateException($"{Self.Path} is stopping and cannot create children");
            name ??= "$" + (++_nextAutoName).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            if (!name.StartsWith('$')) ValidateName(name);
            if (_children.ContainsKey(name))
                throw new InvalidActorNameException($"actor name [{name}] is not unique under {Self.Path} (a stopped child keeps its name until its Terminated is processed)");
            child = new ActorCell(System, props, this, name, System.NewUid());
            _children.Add(name, new ChildEntry(child));
        }
        child.Mailbox.PostSystem(new SystemMessage.Create());
        return child.Self;
    }

    internal ChildEntry[] ChildEntries()
    {
        lock (_childrenLock) return _children.Values.ToArray();
    }

    internal ChildEntry? FindChild(ActorCell cell)
    {
        lock (_childrenLock)
            return _children.TryGetValue(cell.Self.Path.Name, out var entry) && ReferenceEquals(entry.Cell, cell) ? entry : null;
    }

    internal void StopChild(ChildEntry entry)
    {
        lock (_childrenLock) entry.Stopping = true;
        entry.Cell.Mailbox.PostSystem(new SystemMessage.Terminate());
    }

    internal void RestartChild(ChildEntry entry, Exception cause, bool suspendFirst)
    {
        if (suspendFirst) entry.Cell.Mailbox.PostSystem(new SystemMessage.Suspend());
        entry.Cell.Mailbox.PostSystem(new SystemMessage.Recreate(cause));
    }

    private bool RemoveChild(ActorCell child)
    {
        lock (_childrenLock)
        {
            if (!_children.TryGetValue(child.Self.Path.Name, out var entry) || !ReferenceEquals(entry.Cell, child)) return false;
            _children.Remove(child.Self.Path.Name);
            return true;
        }
    }

    private bool AnyChildren
    {
        get { lock (_childrenLock) return _children.Count > 0; }
    }

    private bool AnyChildStopping
    {
        get { lock (_childrenLock) return _children.Values.Any(c => c.Stopping); }
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0) throw new InvalidActorNameException("actor name must not be empty");
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '-' || c is '_' || c is '.' || c is '@' || c is ':' || c is '+') continue;
            throw new InvalidActorNameException($"actor name [{name}] contains [{c}]; use letters, digits and - _ . @ : +");
        }
    }
}
