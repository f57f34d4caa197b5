namespace Miner.Actors.Kernel;

/// <summary>
/// A structured log line published on the event stream. <see cref="Template"/> uses Serilog's message-template
/// syntax; the host turns these into Serilog events (the kernel itself has no logging dependency).
/// </summary>
public sealed record LogEvent(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string Source,
    string Template,
    object?[] Arguments,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>The template with its arguments filled in, for specs and plain sinks.</summary>
    public string Render()
    {
        var text = new System.Text.StringBuilder();
        var arg = 0;
        for (var i = 0; i < Template.Length; i++)
        {
            var c = Template[i];
            if (c == '{' && i + 1 < Template.Length && Template[i + 1] != '{')
            {
                var end = Template.IndexOf('}', i);
                if (end > i)
                {
                    text.Append(arg < Arguments.Length ? Arguments[arg++] : Template[i..(end + 1)]);
                    i = end;
                    continue;
                }
            }
            text.Append(c);
        }
        return text.ToString();
    }
}
