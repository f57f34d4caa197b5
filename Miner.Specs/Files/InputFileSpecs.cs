using System.Diagnostics;
using System.Runtime.InteropServices;
using Miner.Models.Files;

namespace Miner.Specs.Files;

/// <summary>Only regular files are opened, and the limit is enforced while reading.</summary>
public sealed class InputFileSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_folder, "pipe");
        Assert.Equal(0, mkfifo(fifo, 0b110_100_100));
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FileRefusedException>(() => InputFile.ReadAllBytes(fifo, 1024));
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_device_that_never_ends_is_refused()
    {
        var error = Assert.Throws<FileRefusedException>(() => InputFile.ReadAllBytes("/dev/zero", 1024));
        Assert.Equal("/dev/zero: is a character device, not a regular file", error.Message);
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_cut_off_at_the_limit()
    {
        var endless = new EndlessStream();
        var error = Assert.Throws<FileRefusedException>(() => InputFile.ReadAtMost(endless, 1 << 20, "stdin", "the picture"));
        Assert.Equal("stdin: the picture larger than its limit of 1 MiB", error.Message);
        Assert.True(endless.Served <= (1 << 20) + 81920);
    }

    [Fact]
    public void A_file_within_the_limit_is_read_whole()
    {
        var path = Path.Combine(_folder, "a.bin");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Equal([1, 2, 3], InputFile.ReadAllBytes(path, 3));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_folder, "missing.ply");
        Assert.Equal($"{path}: no such file", Assert.Throws<FileRefusedException>(() => InputFile.OpenRead(path)).Message);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }
    }
}
