using Miner.Models.Files;

namespace Miner.Specs.Files;

/// <summary>Writes go to a temporary in the target's folder and are renamed over it only when complete.</summary>
public sealed class OutputFileSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_completed_write_replaces_the_target_and_leaves_no_temporary()
    {
        File.WriteAllText(PathOf("a.txt"), "old");
        OutputFile.WriteAllText(PathOf("a.txt"), "new");
        Assert.Equal("new", File.ReadAllText(PathOf("a.txt")));
        Assert.Equal(["a.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_removes_the_temporary()
    {
        File.WriteAllText(PathOf("a.txt"), "old");
        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(PathOf("a.txt"), stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("the encoder failed");
        }));
        Assert.Equal("old", File.ReadAllText(PathOf("a.txt")));
        Assert.Equal(["a.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_verification_keeps_the_old_file()
    {
        File.WriteAllText(PathOf("a.txt"), "old");
        Assert.Throws<InvalidDataException>(() => OutputFile.Write(PathOf("a.txt"), stream => stream.Write("new"u8),
            temporary => throw new InvalidDataException($"{temporary} does not read back")));
        Assert.Equal("old", File.ReadAllText(PathOf("a.txt")));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void The_temporary_lies_in_the_target_folder_so_the_rename_is_atomic()
    {
        string? seen = null;
        OutputFile.Write(PathOf("a.txt"), _ => seen = Directory.GetFiles(_folder).Single());
        Assert.Equal(_folder, Path.GetDirectoryName(seen));
        Assert.StartsWith(".a.txt.", Path.GetFileName(seen), StringComparison.Ordinal);
    }

    [Fact]
    public void Temporaries_of_writes_under_way_are_removed_when_the_process_is_stopped()
    {
        var seen = -1;
        Assert.Throws<OperationCanceledException>(() => OutputFile.Write(PathOf("a.txt"), _ =>
        {
            OutputFile.RemoveOpenTemporaries(_folder); // this folder only: other specs write in parallel
            seen = Directory.GetFiles(_folder).Length;
            throw new OperationCanceledException();
        }));
        Assert.Equal(0, seen);
    }

    [Fact]
    public void A_folder_as_the_target_is_refused_naming_it()
    {
        Directory.CreateDirectory(PathOf("out"));
        var error = Assert.Throws<FileRefusedException>(() => OutputFile.WriteAllText(PathOf("out"), "x"));
        Assert.Equal($"{PathOf("out")}: is a folder; give a file path", error.Message);
    }

    [Fact]
    public void A_device_as_the_target_is_refused()
    {
        var error = Assert.Throws<FileRefusedException>(() => OutputFile.WriteAllText("/dev/null", "x"));
        Assert.Equal("/dev/null: is a character device, not a regular file", error.Message);
    }

    [Fact]
    public void A_target_in_a_missing_folder_is_refused()
    {
        var error = Assert.Throws<FileRefusedException>(() => OutputFile.WriteAllText(PathOf("missing/a.txt"), "x"));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_input_reached_through_a_symbolic_link_is_refused_as_output()
    {
        File.WriteAllText(PathOf("in.ply"), "ply");
        File.CreateSymbolicLink(PathOf("alias.ply"), PathOf("in.ply"));
        var error = Assert.Throws<FileRefusedException>(() => OutputFile.RefuseOverwritingInput(PathOf("alias.ply"), PathOf("in.ply")));
        Assert.Contains("is the input file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_of_the_same_content_is_not_the_input()
    {
        File.WriteAllText(PathOf("in.ply"), "ply");
        File.WriteAllText(PathOf("copy.ply"), "ply");
        OutputFile.RefuseOverwritingInput(PathOf("copy.ply"), PathOf("in.ply"));
    }
}
