using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>The responses an axon gives: bittensor's synapse answers and errors, and FastAPI's own <c>detail</c> errors.</summary>
internal static class AxonReplies
{
    public static AxonResponse Success(Synapse result, TimeSpan processTime)
    {
        var code = result.Axon.StatusCode is >= 200 and <= 599 ? result.Axon.StatusCode.Value : 200;
        var answer = result with
        {
            Axon = result.Axon with
            {
                StatusCode = code,
                StatusMessage = string.IsNullOrEmpty(result.Axon.StatusMessage) ? "Success" : result.Axon.StatusMessage,
                ProcessTime = processTime.TotalSeconds,
            },
        };
        return new AxonResponse(code, SynapseHeaders.For(answer), ProtocolJson.Serialize(answer, ProtocolJsonStyle.Response));
    }

    /// <summary><c>{"message": ...}</c> with the header synapse's headers, its axon status set to the error.</summary>
    public static AxonResponse Error(int status, string message, Synapse header)
    {
        var stamped = header with { Axon = header.Axon with { StatusCode = status, StatusMessage = message } };
        var json = new PythonJsonWriter(ProtocolJsonStyle.Response);
        json.StartObject();
        json.Key("message");
        json.String(message);
        json.EndObject();
        return new AxonResponse(status, SynapseHeaders.For(stamped), json.ToArray());
    }

    /// <summary>bittensor hides the cause behind a random id; the exception goes to the host's log instead.</summary>
    public static AxonResponse InternalError(Synapse header, Exception cause) =>
        Error(500, $"Internal Server Error #{Guid.NewGuid()}", header) with { Error = cause };

    public static AxonResponse Detail(int status, string detailJson) =>
        new(status, [], System.Text.Encoding.UTF8.GetBytes($"{{\"detail\":{detailJson}}}"));

    public static AxonResponse JsonInvalid(ProtocolFormatException error)
    {
        var json = new PythonJsonWriter(ProtocolJsonStyle.Response);
        json.StartObject();
        json.Key("detail");
        json.StartArray();
        json.StartObject();
        json.Key("type"); json.String("json_invalid");
        json.Key("loc"); json.StartArray(); json.String("body"); json.Number(error.MalformedAt ?? 0); json.EndArray();
        json.Key("msg"); json.String("JSON decode error");
        json.Key("ctx"); json.StartObject(); json.Key("error"); json.String(error.Problem); json.EndObject();
        json.EndObject();
        json.EndArray();
        json.EndObject();
        return new AxonResponse(422, [], json.ToArray());
    }

    /// <summary>A body FastAPI does not read as JSON cannot become the synapse.</summary>
    public static AxonResponse NotAnObject() => Detail(422,
        """[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from"}]""");

    /// <summary>FastAPI reads the body as JSON when there is no content type, or for application/json and application/*+json.</summary>
    public static bool IsJsonMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return true;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media == "application/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal));
    }
}
