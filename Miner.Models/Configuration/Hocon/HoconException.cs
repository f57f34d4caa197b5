namespace Miner.Models.Configuration.Hocon;

/// <summary>
/// The only exception the HOCON parser throws: a located message such as
/// <c>hocon/miner.conf:12:5: expected '}' but found end of file</c>.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(HoconPosition position, string reason, Exception? inner = null)
        : base($"{position}: {reason}", inner)
    {
        Position = position;
        Reason = reason;
    }

    public HoconPosition Position { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    public string FilePath => Position.File;

    public int Line => Position.Line;

    public int Column => Position.Column;

    public override string ToString() => Message;
}
