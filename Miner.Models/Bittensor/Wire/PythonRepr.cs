using System.Text;

namespace Miner.Models.Bittensor.Wire;

/// <summary>Python's <c>repr()</c> of strings, string lists and Starlette headers, which bittensor's error messages embed.</summary>
internal static class PythonRepr
{
    public static string Str(string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case var q when q == quote: builder.Append('\\').Append(q); break;
                case < ' ' or '\x7f': builder.Append($"\\x{(int)c:x2}"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append(quote).ToString();
    }

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Str)) + "]";

    /// <summary>Starlette's <c>Headers({...})</c>: lower-case names, as a dict (later repeats overwrite earlier ones).</summary>
    public static string Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var dict = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers)
        {
            var key = name.ToLowerInvariant();
            var index = dict.FindIndex(p => p.Key == key);
            if (index >= 0) dict[index] = new(key, value);
            else dict.Add(new(key, value));
        }
        return "Headers({" + string.Join(", ", dict.Select(p => $"{Str(p.Key)}: {Str(p.Value)}")) + "})";
    }
}
