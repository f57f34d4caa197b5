using Miner.Models.Files;
using Miner.Specs.Configuration;
using Miner.Specs.TestKit;

namespace Miner.Specs.Files;

public sealed class InputFileSpecs : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_fifo_is_refused_at_once_naming_it()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_temp.Path, "input.fifo"));
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<FileRefusedException>(() => InputFile.ReadAllBytes(fifo, 1024)), fifo);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }

    [Fact]
    public async Task Dev_zero_is_refused_as_a_character_device()
    {
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<FileRefusedException>(() => InputFile.ReadAllBytes(SpecialFiles.DevZero, 1024)));
        Assert.Equal("/dev/zero: is a character device, not a regular file", error.Message);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_whole()
    {
        var path = Path.Combine(_temp.Path, "exact.bin");
        File.WriteAllBytes(path, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (byte)i), InputFile.ReadAllBytes(path, 1000));
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused_naming_it_and_the_limit()
    {
        var path = Path.Combine(_temp.Path, "over.bin");
        File.WriteAllBytes(path, new byte[1025]);
        var error = Assert.Throws<FileRefusedException>(() => InputFile.ReadAllBytes(path, 1024, "keyfile"));
        Assert.Equal($"{path}: keyfile larger than its limit of 1 KiB", error.Message);
        Assert.True(error.TooLarge);
    }

    [Fact]
    public async Task An_endless_stream_is_cut_off_at_the_limit_with_little_allocated()
    {
        FileRefusedException? error = null;
        var allocated = await SpecialFiles.WithinAsync(() => SpecialFiles.AllocatedBy(() =>
            error = Assert.Throws<FileRefusedException>(() => InputFile.ReadAtMost(new EndlessStream(), 1 << 20, "pipe"))));
        Assert.True(error!.TooLarge);
        Assert.True(allocated < 8 << 20, $"{allocated} bytes allocated to refuse a 1 MiB limit");
    }

    [Fact]
    public void A_stream_whose_length_lies_low_is_still_read_whole()
    {
        var data = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(data, InputFile.ReadAtMost(new ShortLengthStream(data), 1 << 20, "growing file"));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Zeros forever, like /dev/zero behind a pipe.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A seekable stream that reports a tenth of its length, as a file still being appended to would.</summary>
    private sealed class ShortLengthStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override long Length => base.Length / 10;
    }
}
