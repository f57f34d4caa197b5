namespace Miner.Actors.Kernel;

/// <summary>Position of an actor in the tree (/user/miner/router) plus the uid of the cell that holds it.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _text;

    internal ActorPath(ActorPath? parent, string name, long uid)
    {
        Parent = parent;
        Name = name;
        Uid = uid;
        _text = parent is null ? "/" + name : (parent.Parent is null && parent.Name.Length == 0 ? "/" + name : parent + "/" + name);
        if (parent is null && name.Length == 0) _text = "/";
    }

    public ActorPath? Parent { get; }
    public string Name { get; }
    public long Uid { get; }

    /// <summary>Number of segments below the root ("/user/a" has depth 2).</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    public override string ToString() => _text;
    public bool Equals(ActorPath? other) => other is not null && other.Uid == Uid && other._text == _text;
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);
    public override int GetHashCode() => HashCode.Combine(_text, Uid);
}
