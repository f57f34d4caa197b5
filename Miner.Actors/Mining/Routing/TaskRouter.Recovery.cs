using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Ledger;

namespace Miner.Actors.Mining.Routing;

/// <summary>After a restart: what the task ledger says was in flight decides which validators are pulled first or held.</summary>
public sealed partial class TaskRouter
{
    protected override void PreStart()
    {
        if (_ledger is null) return;
        _recoveryStarted = Now;
        AskLedger();
    }

    private void AskLedger()
    {
        _ledger!.Tell(new GetUnsettledTasks(), Self);
        Timers.StartSingleTimer("recovery", RecoveryDue.Instance, RecoveryRetry);
    }

    private void OnRecoveryDue()
    {
        if (_recovered)
        {
            Dispatch(); // the resume grace is over
            return;
        }
        if (Now - _recoveryStarted < RecoveryPatience)
        {
            AskLedger();
            return;
        }
        Log.Warning("the task ledger did not answer within {Patience}; mining without its recovery (fallback): validators holding our tasks " +
            "hand them back on the next pull, but one whose submission's answer a crash lost may count a cooldown violation", RecoveryPatience);
        _recovered = true;
        Dispatch();
    }

    private void OnUnsettled(UnsettledTasks m)
    {
        if (_recovered) return;
        _recovered = true;
        _recoveryStarted = Now;
        Timers.Cancel("recovery");
        if (m.Tasks.Count > 0) Timers.StartSingleTimer("resume-grace", RecoveryDue.Instance, ResumeGrace);
        foreach (var task in m.Tasks)
        {
            var pulled = task.Pulled;
            _resume[pulled.ValidatorHotkey] = pulled.TaskId;
            var log = Log.With("TaskId", pulled.TaskId).With("ValidatorUid", pulled.ValidatorUid);
            if (task.SubmissionSentAt is { } sent && sent + _options.UnansweredSubmissionHold > Now)
            {
                var until = sent + _options.UnansweredSubmissionHold;
                _heldUntil[pulled.ValidatorHotkey] = until;
                Timers.StartSingleTimer(("held", pulled.ValidatorHotkey), new HoldOver(pulled.ValidatorHotkey), until - Now);
                log.Info("task {TaskId} for uid {Uid} was submitted at {Sent:u} and the restart lost its answer: that validator is not pulled before {Until:u}",
                    pulled.TaskId, pulled.ValidatorUid, sent, until);
            }
            else log.Info("task {TaskId} for uid {Uid} was in flight before the restart: that validator is pulled first", pulled.TaskId, pulled.ValidatorUid);
        }
        Dispatch();
    }
}
