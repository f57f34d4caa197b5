namespace Miner.Models.Configuration.Hocon;

/// <summary>A position in the text that keeps 1-based line and column up to date as it moves forward.</summary>
internal sealed class HoconTextCursor(string text, string file)
{
    private int _line = 1;
    private int _lineStart;

    public int Offset { get; private set; }

    public bool AtEnd => Offset >= text.Length;

    public HoconPosition Position => new(file, _line, Offset - _lineStart + 1);

    /// <summary>The character <paramref name="ahead"/> places on, or '\0' past the end.</summary>
    public char Peek(int ahead) => Offset + ahead < text.Length ? text[Offset + ahead] : '\0';

    public void Advance(int count) => MoveTo(Math.Min(Offset + count, text.Length));

    public void MoveTo(int target)
    {
        for (; Offset < target; Offset++)
        {
            if (text[Offset] != '\n') continue;
            _line++;
            _lineStart = Offset + 1;
        }
    }
}
