using System.CommandLine;
using System.CommandLine.Parsing;

namespace Miner.Host.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into one line that names the flag and the expected form, instead of
/// its wording (`expected type 'System.Nullable`1[System.Int32]'`) followed by the whole help text.
/// </summary>
public static class CommandLineErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = CommandPath(parse.CommandResult);
        // "Required command was not provided" comes first for `miner bogus`; the unknown word says more.
        var error = parse.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parse.Errors[0];
        var text = error.SymbolResult switch
        {
            OptionResult option when Unparsable(error) => $"{option.Option.Name}: expected {Expected(option.Option.ValueType)}, got '{Token(option)}'",
            OptionResult option when NotAmong(error) => $"{option.Option.Name}: expected one of {Among(error.Message)}, got '{Token(option)}'",
            ArgumentResult { Parent: OptionResult option } when NotAmong(error) => $"{option.Option.Name}: expected one of {Among(error.Message)}, got '{Token(option)}'",
            ArgumentResult argument when Unparsable(error) => $"{argument.Argument.Name}: expected {Expected(argument.Argument.ValueType)}, got '{Token(argument)}'",
            _ => Reword(error.Message),
        };
        return $"{command}: {text} (see '{command} --help')";
    }

    private static bool Unparsable(ParseError error) => error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal);

    private static bool NotAmong(ParseError error) => error.Message.Contains("not recognized. Must be one of", StringComparison.Ordinal);

    private static string Among(string message) =>
        string.Join(", ", message[(message.IndexOf("Must be one of:", StringComparison.Ordinal) + "Must be one of:".Length)..]
            .Split(['\t', ' ', '\'', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Token(SymbolResult result) => string.Join(' ', result.Tokens.Select(t => t.Value));

    /// <summary>The expected form of a value, in words.</summary>
    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(FileInfo)) return "a file path";
        if (type == typeof(DirectoryInfo)) return "a folder path";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        return "a value";
    }

    private static string Reword(string message)
    {
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal)) return "give a command";
        if (message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal))
            return "unknown command, option or argument " + message["Unrecognized command or argument ".Length..].TrimEnd('.');
        if (message.StartsWith("Required argument '", StringComparison.Ordinal))
            return message["Required argument '".Length..].Split('\'')[0] + " is missing";
        if (message.StartsWith("Option '", StringComparison.Ordinal) && message.Contains("is required", StringComparison.Ordinal))
            return message["Option '".Length..].Split('\'')[0] + " is required";
        return message.ReplaceLineEndings(" ").Trim();
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
            if (current is CommandResult command) names.Add(command.Command is RootCommand ? "miner" : command.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
