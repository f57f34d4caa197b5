using Miner.Models.Splats;

namespace Miner.Specs.Splats;

/// <summary>Runs a parser on hostile input: it may succeed, or fail with a located SplatFormatException, nothing else.</summary>
internal static class Located
{
    public static void SucceedsOrFailsWithLocation(Action parse, string what)
    {
        try
        {
            parse();
        }
        catch (SplatFormatException error)
        {
            Assert.True(error.ByteOffset is not null || error.HeaderLine is not null, $"{what}: unlocated error '{error.Message}'");
        }
        catch (Exception other)
        {
            Assert.Fail($"{what}: {other.GetType().Name} escaped: {other}");
        }
    }

    public static void FailsWithLocation(Action parse, string what)
    {
        try
        {
            parse();
            Assert.Fail($"{what}: parsed without error");
        }
        catch (SplatFormatException error)
        {
            Assert.True(error.ByteOffset is not null || error.HeaderLine is not null, $"{what}: unlocated error '{error.Message}'");
        }
    }
}
