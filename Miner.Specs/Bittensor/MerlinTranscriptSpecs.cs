using System.Text;
using Miner.Models.Bittensor.Crypto;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class MerlinTranscriptSpecs
{
    [Fact]
    public void The_simple_transcript_gives_the_published_challenge()
    {
        var transcript = new MerlinTranscript("test protocol"u8);
        transcript.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        transcript.ChallengeBytes("challenge"u8, challenge);
        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Hex(challenge));
    }

    [Fact]
    public void The_complex_transcript_gives_the_published_final_challenge()
    {
        var transcript = new MerlinTranscript("test protocol"u8);
        transcript.AppendMessage("step1"u8, "some data"u8);
        var bigData = Enumerable.Repeat((byte)0x63, 1024).ToArray();
        var challenge = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            transcript.ChallengeBytes("challenge"u8, challenge);
            transcript.AppendMessage("bigdata"u8, bigData);
            transcript.AppendMessage("challengedata"u8, challenge);
        }
        Assert.Equal("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c", Hex(challenge));
    }

    [Fact]
    public void Witness_bytes_leave_the_transcript_unchanged()
    {
        var used = new MerlinTranscript("t"u8);
        var untouched = new MerlinTranscript("t"u8);
        used.WitnessBytes("w"u8, "secret"u8, new byte[32], new byte[64]);
        Assert.Equal(Hex(Challenge(untouched)), Hex(Challenge(used)));
    }

    [Fact]
    public void Witness_bytes_depend_on_the_external_randomness()
    {
        var transcript = new MerlinTranscript("t"u8);
        var a = new byte[64];
        var b = new byte[64];
        transcript.WitnessBytes("w"u8, "secret"u8, new byte[32], a);
        transcript.WitnessBytes("w"u8, "secret"u8, Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"), b);
        Assert.NotEqual(Hex(a), Hex(b));
    }

    private static byte[] Challenge(MerlinTranscript transcript)
    {
        var bytes = new byte[32];
        transcript.ChallengeBytes("c"u8, bytes);
        return bytes;
    }
}
