namespace Miner.Models.Protocol;

/// <summary>Every field of a synapse in pydantic's declaration order, nulls included, as bittensor's model_dump.</summary>
internal static class SynapseJsonWriter
{
    public static byte[] Write(Synapse synapse, ProtocolJsonStyle style)
    {
        var json = new PythonJsonWriter(style, EstimateSize(synapse));
        json.StartObject();
        WriteBase(json, synapse);
        switch (synapse)
        {
            case PingSynapse:
                break;
            case PullTask pull:
                WriteTask(json, pull.Task);
                json.Key("validation_threshold"); json.Number(pull.ValidationThreshold);
                json.Key("throttle_period"); json.Number(pull.ThrottlePeriod);
                json.Key("cooldown_until"); json.Number(pull.CooldownUntil);
                json.Key("cooldown_violations"); json.Number(pull.CooldownViolations);
                break;
            case SubmitResults submit:
                WriteTask(json, submit.Task);
                json.Key("task_id"); json.String(submit.TaskId);
                json.Key("results"); json.String(submit.Results);
                json.Key("data_format"); json.String(submit.DataFormat);
                json.Key("data_ver"); json.Number(submit.DataVer);
                json.Key("compression"); json.Number(submit.Compression);
                json.Key("submit_time"); json.Number(submit.SubmitTime);
                json.Key("signature"); json.String(submit.Signature);
                json.Key("feedback"); WriteFeedback(json, submit.Feedback);
                json.Key("cooldown_until"); json.Number(submit.CooldownUntil);
                break;
            case GetVersion version:
                json.Key("version"); json.Number(version.Version);
                json.Key("validation_version"); json.String(version.ValidationVersion);
                break;
            default:
                throw new ArgumentException($"{synapse.GetType().Name} is not a synapse this project speaks", nameof(synapse));
        }
        json.EndObject();
        return json.ToArray();
    }

    private static void WriteBase(PythonJsonWriter json, Synapse synapse)
    {
        json.Key("name"); json.String(synapse.Name);
        json.Key("timeout"); json.Number(synapse.Timeout);
        json.Key("total_size"); json.Number(synapse.TotalSize);
        json.Key("header_size"); json.Number(synapse.HeaderSize);
        json.Key("dendrite"); WriteTerminal(json, synapse.Dendrite);
        json.Key("axon"); WriteTerminal(json, synapse.Axon);
        json.Key("computed_body_hash"); json.String(synapse.ComputedBodyHash);
    }

    private static void WriteTerminal(PythonJsonWriter json, TerminalInfo terminal)
    {
        json.StartObject();
        json.Key("status_code"); json.Number(terminal.StatusCode);
        json.Key("status_message"); json.String(terminal.StatusMessage);
        json.Key("process_time"); json.Number(terminal.ProcessTime);
        json.Key("ip"); json.String(terminal.Ip);
        json.Key("port"); json.Number(terminal.Port);
        json.Key("version"); json.Number(terminal.Version);
        json.Key("nonce"); json.Number(terminal.Nonce);
        json.Key("uuid"); json.String(terminal.Uuid);
        json.Key("hotkey"); json.String(terminal.Hotkey);
        json.Key("signature"); json.String(terminal.Signature);
        json.EndObject();
    }

    private static void WriteTask(PythonJsonWriter json, ProtocolTask? task)
    {
        json.Key("task");
        if (task is null)
        {
            json.Null();
            return;
        }
        json.StartObject();
        json.Key("type"); json.String(task.Kind == TaskKind.Image ? "image" : "text");
        json.Key("id"); json.String(task.Id);
        json.Key("prompt"); json.String(task.Prompt);
        json.EndObject();
    }

    private static void WriteFeedback(PythonJsonWriter json, Feedback? feedback)
    {
        if (feedback is null)
        {
            json.Null();
            return;
        }
        json.StartObject();
        json.Key("validation_failed"); json.Bool(feedback.ValidationFailed);
        json.Key("task_fidelity_score"); json.Number(feedback.TaskFidelityScore);
        json.Key("average_fidelity_score"); json.Number(feedback.AverageFidelityScore);
        json.Key("generations_within_the_window"); json.Number(feedback.GenerationsWithinTheWindow);
        json.Key("current_duel_rating"); json.Number(feedback.CurrentDuelRating);
        json.Key("current_miner_reward"); json.Number(feedback.CurrentMinerReward);
        json.EndObject();
    }

    // Large strings (results, image prompts) dominate; sizing the buffer up front avoids repeated regrowth.
    private static int EstimateSize(Synapse synapse) => 2048 + synapse switch
    {
        SubmitResults s => s.Results.Length + (s.Task?.Prompt.Length ?? 0),
        PullTask p => p.Task?.Prompt.Length ?? 0,
        _ => 0,
    };
}
