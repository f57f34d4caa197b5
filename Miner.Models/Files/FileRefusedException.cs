namespace Miner.Models.Files;

/// <summary>A file the miner will not read or write as asked; the message is one line that names the path.</summary>
public sealed class FileRefusedException(string message) : IOException(message);
