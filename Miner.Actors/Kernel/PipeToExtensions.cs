namespace Miner.Actors.Kernel;

/// <summary>
/// Delivers the outcome of a task to an actor as a message, so long work (GPU calls, HTTP) never runs inside a
/// handler. Capture <c>Sender</c>/<c>Self</c> in locals before calling: they are not valid in a continuation.
/// </summary>
public static class PipeToExtensions
{
    public static Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null) =>
        task.ContinueWith(t =>
        {
            object message;
            try
            {
                message = t.IsCompletedSuccessfully
                    ? success is null ? t.Result! : success(t.Result)
                    : Failure(Unwrap(t), failure);
            }
            catch (Exception error)
            {
                message = Failure(error, failure);
            }
            recipient.Tell(message, sender);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public static Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null) =>
        task.ContinueWith(t =>
        {
            object message;
            try
            {
                message = t.IsCompletedSuccessfully ? success?.Invoke() ?? new Status.Success(null) : Failure(Unwrap(t), failure);
            }
            catch (Exception error)
            {
                message = Failure(error, failure);
            }
            recipient.Tell(message, sender);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static object Failure(Exception error, Func<Exception, object>? failure) =>
        failure is null ? new Status.Failure(error) : failure(error);

    private static Exception Unwrap(Task task) =>
        task.IsCanceled ? new TaskCanceledException(task)
        : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0]
        : task.Exception;
}
