namespace Miner.Host.Devnet;

/// <summary>Counters of one devnet validator, updated from its handlers (thread-safe) and read as a snapshot.</summary>
public sealed class DevnetValidatorStats
{
    private long _pulls, _assigned, _reissued, _violations, _unknown, _submissions, _accepted, _declined, _penalised,
        _validationFailed, _feedbackOnly, _blacklisted, _injectedErrors, _hung, _requests;
    private double _scoreSum;
    private readonly Lock _gate = new();

    internal void Pull() => Interlocked.Increment(ref _pulls);
    internal void Assigned() => Interlocked.Increment(ref _assigned);
    internal void Reissued() => Interlocked.Increment(ref _reissued);
    internal void Violation() => Interlocked.Increment(ref _violations);
    internal void UnknownHotkey() => Interlocked.Increment(ref _unknown);
    internal void Submission() => Interlocked.Increment(ref _submissions);
    internal void Declined() => Interlocked.Increment(ref _declined);
    internal void Penalised() => Interlocked.Increment(ref _penalised);
    internal void ValidationFailed() => Interlocked.Increment(ref _validationFailed);
    internal void FeedbackOnly() => Interlocked.Increment(ref _feedbackOnly);
    internal void Blacklisted() => Interlocked.Increment(ref _blacklisted);
    internal void InjectedError() => Interlocked.Increment(ref _injectedErrors);
    internal void Hung() => Interlocked.Increment(ref _hung);
    internal void Request() => Interlocked.Increment(ref _requests);

    internal void Accepted(double score)
    {
        Interlocked.Increment(ref _accepted);
        lock (_gate) _scoreSum += score;
    }

    public DevnetValidatorStatsSnapshot Snapshot()
    {
        double sum;
        lock (_gate) sum = _scoreSum;
        var accepted = Interlocked.Read(ref _accepted);
        return new DevnetValidatorStatsSnapshot(
            Interlocked.Read(ref _pulls), Interlocked.Read(ref _assigned), Interlocked.Read(ref _reissued), Interlocked.Read(ref _violations),
            Interlocked.Read(ref _unknown), Interlocked.Read(ref _submissions), accepted, Interlocked.Read(ref _declined),
            Interlocked.Read(ref _penalised), Interlocked.Read(ref _validationFailed), Interlocked.Read(ref _feedbackOnly),
            Interlocked.Read(ref _blacklisted), Interlocked.Read(ref _injectedErrors), Interlocked.Read(ref _hung), Interlocked.Read(ref _requests),
            accepted == 0 ? 0 : sum / accepted);
    }
}
