namespace Miner.Models.Files;

/// <summary>A file the miner will not read or write as asked; the message is one line that names the path.</summary>
public sealed class FileRefusedException(string message, bool tooLarge = false) : IOException(message)
{
    /// <summary>True when the file held more than the reader's limit (callers word that refusal their own way).</summary>
    public bool TooLarge { get; } = tooLarge;
}
