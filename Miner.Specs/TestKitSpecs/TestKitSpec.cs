using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using Xunit.Sdk;

namespace Miner.Specs.TestKitSpecs;

/// <summary>Checklist rows 35-37: the test kit's own behaviour.</summary>
public sealed class TestKitSpec : ActorSpec
{
    [Fact]
    public void ExpectMsg_fails_when_nothing_arrives_in_time()
    {
        Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(timeout: TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void ExpectMsg_fails_on_a_message_of_another_type()
    {
        TestActor.Ref.Tell(42);
        Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>());
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_is_pending()
    {
        TestActor.Ref.Tell("surprise");
        Assert.Throws<XunitException>(() => TestActor.ExpectNoMsg());
    }

    [Fact]
    public void FishForMessage_skips_messages_until_one_matches()
    {
        foreach (var i in new[] { 1, 2, 3 }) TestActor.Ref.Tell(i);
        Assert.Equal(3, TestActor.FishForMessage<int>(i => i == 3));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Reply_answers_the_sender_of_the_last_message()
    {
        var other = CreateTestProbe("other");
        other.Send(TestActor.Ref, "question");
        TestActor.ExpectMsg("question");
        TestActor.Reply("answer");
        other.ExpectMsg("answer");
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_holds()
    {
        var calls = 0;
        AwaitAssert(() => Assert.True(++calls >= 3));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void AwaitAssert_rethrows_when_the_assertion_never_holds()
    {
        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public void Within_fails_when_the_block_uses_more_virtual_time_than_allowed()
    {
        Assert.Throws<XunitException>(() => Within(TimeSpan.FromSeconds(1), () => Advance(TimeSpan.FromSeconds(2))));
    }

    [Fact]
    public void The_event_filter_fails_on_a_wrong_count()
    {
        Assert.Throws<XunitException>(() => EventFilter.DeadLetters(2, () => Sys.DeadLetters.Tell("only one")));
    }
}
