namespace Miner.Specs.TestKit;

/// <summary>
/// Locates ../shared/fixtures beside the repository (CI clones the repo with shared/ next to it).
/// MINER_FIXTURES overrides the location.
/// </summary>
public static class SharedFixtures
{
    public static string? Root { get; } = Locate();

    public static string Path(params string[] parts)
    {
        if (Root is null) throw new InvalidOperationException(MissingReason);
        return System.IO.Path.Combine([Root, .. parts]);
    }

    public static string MissingReason =>
        "shared fixtures not found: expected ../shared/fixtures beside the repository root or MINER_FIXTURES";

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("MINER_FIXTURES");
        if (!string.IsNullOrEmpty(fromEnv)) return Directory.Exists(fromEnv) ? fromEnv : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "Miner.sln"))) continue;
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }
}
