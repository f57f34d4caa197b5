namespace Miner.Actors.Kernel;

public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply of type
    /// <typeparamref name="T"/>. A <see cref="Status.Failure"/> reply faults the task, a reply of another type
    /// faults it with <see cref="ArgumentException"/>, no reply in time with <see cref="AskTimeoutException"/>.
    /// There is no default timeout: every Ask states one (measured on the system's scheduler).
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "an Ask needs a positive timeout");
        var system = (target as ISystemBound)?.System
                     ?? throw new ArgumentException($"cannot Ask {target.Path}: not a ref of this kernel", nameof(target));
        var future = new FutureActorRef<T>(system, target, timeout, cancellationToken);
        target.Tell(message, future);
        return future.Task;
    }

    /// <summary>Sends <paramref name="message"/> keeping the current message's sender (only inside a handler).</summary>
    public static void Forward(this IActorRef target, object message)
    {
        var cell = ActorCell.Current ?? throw new IllegalActorStateException("Forward is only possible while handling a message");
        target.Tell(message, cell.Sender);
    }
}
