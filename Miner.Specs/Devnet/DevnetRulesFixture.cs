using Miner.Host.Devnet;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;

namespace Miner.Specs.Devnet;

/// <summary>One devnet validator on a manual clock, one registered miner, text tasks t1, t2, ... and a settable score.</summary>
internal sealed class DevnetRulesFixture
{
    public DevnetRulesFixture(DevnetRuleOptions? rules = null, DevnetAcceptance acceptance = DevnetAcceptance.Normal, int? taskLimit = null,
        int? validatorTaskLimit = null)
    {
        Rules = rules ?? new DevnetRuleOptions();
        Book = new DevnetTaskBook(taskLimit);
        MinerHotkey = Ss58.Encode(MinerKey.PublicKey);
        Registry.Register(MinerHotkey);
        ValidatorHotkey = Ss58.Encode(DevnetKeys.Validator(1, 0).PublicKey);
        Validator = new DevnetValidator(0, ValidatorHotkey, Rules, acceptance, Registry, Tasks, Scorer, Time, Book, validatorTaskLimit);
    }

    public static Sr25519Keypair MinerKey { get; } = DevnetKeys.Miner(1);

    public static Sr25519Keypair StrangerKey { get; } = DevnetKeys.Miner(1, index: 99);

    public DevnetRuleOptions Rules { get; }

    public ManualTimeProvider Time { get; } = new(ManualTimeProvider.NewYear2025);

    public DevnetMinerRegistry Registry { get; } = new(firstUid: 10);

    public SequentialTasks Tasks { get; } = new();

    public SettableScorer Scorer { get; } = new();

    public DevnetValidator Validator { get; }

    public DevnetTaskBook Book { get; }

    public string MinerHotkey { get; }

    public string ValidatorHotkey { get; }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public PullTask Pull(string? hotkey = null) => Validator.Pull(new PullTask { Dendrite = new TerminalInfo { Hotkey = hotkey ?? MinerHotkey } });

    public ProtocolTask PullTask() => Pull().Task ?? throw new InvalidOperationException("no task was assigned");

    /// <summary>A correctly signed submission of <paramref name="task"/> (empty <paramref name="results"/> declines it).</summary>
    public SubmitResults Submission(ProtocolTask task, string results = "AAAA", string? taskId = null, Sr25519Keypair? signer = null)
    {
        var submitTime = Time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        return new SubmitResults
        {
            TaskId = taskId ?? task.Id,
            Results = results,
            SubmitTime = submitTime,
            Signature = LicenseDeclaration.Sign(signer ?? MinerKey, submitTime, task.Prompt, ValidatorHotkey),
            Dendrite = new TerminalInfo { Hotkey = MinerHotkey, Ip = "127.0.0.1" },
            Axon = new TerminalInfo { Hotkey = ValidatorHotkey },
        };
    }

    public SubmitResults Submit(SubmitResults submission) => Validator.SubmitAsync(submission).GetAwaiter().GetResult();

    public SubmitResults Submit(ProtocolTask task, string results = "AAAA") => Submit(Submission(task, results));

    public DevnetMinerData State => Validator.MinerState(MinerHotkey)!;

    internal sealed class SequentialTasks : IDevnetTaskSource
    {
        private int _next;

        public DevnetTask Next()
        {
            var n = Interlocked.Increment(ref _next);
            return new DevnetTask(ProtocolTask.Text($"t{n}", $"prompt {n}"));
        }
    }

    internal sealed class SettableScorer : ISubmissionScorer
    {
        public SubmissionScore Next { get; set; } = new(0.8, "fixed");

        public TaskCompletionSource? Gate { get; set; }

        public int Calls { get; private set; }

        public async Task<SubmissionScore> ScoreAsync(DevnetTask task, string base64Results, CancellationToken cancellation)
        {
            Calls++;
            if (Gate is { } gate) await gate.Task.WaitAsync(cancellation);
            return Next;
        }
    }
}
