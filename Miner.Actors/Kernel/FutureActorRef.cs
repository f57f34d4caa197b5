namespace Miner.Actors.Kernel;

/// <summary>The temporary ref behind an Ask: the first reply completes the task, anything later is a dead letter.</summary>
internal sealed class FutureActorRef<T> : IActorRef, ISystemBound
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ICancelable _timeout;
    private readonly CancellationTokenRegistration _cancellation;

    public FutureActorRef(ActorSystem system, IActorRef target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        System = system;
        Path = system.NewTempPath();
        _timeout = system.Scheduler.ScheduleOnce(timeout, () =>
            _promise.TrySetException(new AskTimeoutException($"Ask to {target.Path} timed out after {timeout.TotalMilliseconds:0} ms waiting for {typeof(T).Name}")));
        _cancellation = cancellationToken.Register(() => _promise.TrySetCanceled(cancellationToken));
        _promise.Task.ContinueWith(_ =>
        {
            _timeout.Cancel();
            _cancellation.Dispose();
        }, TaskContinuationOptions.ExecuteSynchronously);
    }

    public ActorSystem System { get; }
    public ActorPath Path { get; }
    public Task<T> Task => _promise.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        var completed = message switch
        {
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            T reply => _promise.TrySetResult(reply),
            _ => _promise.TrySetException(new ArgumentException(
                $"Ask expected a reply of type {typeof(T).Name} but received {message.GetType().Name}")),
        };
        if (!completed) System.EventStream.Publish(new DeadLetter(message, sender ?? System.DeadLetters, this));
    }
}
