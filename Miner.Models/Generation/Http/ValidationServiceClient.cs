using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Miner.Models.Protocol;
using Miner.Models.Validation;

namespace Miner.Models.Generation;

/// <summary>
/// The subnet's own validation service (the <c>validation/</c> server of three-gen-subnet):
/// <c>POST {base}/validate_txt_to_3d_ply/</c> with <c>{"prompt", "data", "compression": 2, "generate_preview": false}</c>
/// or <c>POST {base}/validate_img_to_3d_ply/</c> with <c>{"prompt_image", ...}</c>, <c>data</c> being the base64 SPZ,
/// answered by JSON <c>{"score", "iqa", "alignment_score", "ssim", "lpips"}</c>. Timeouts, the size cap and the
/// error kinds are those of the other HTTP backends (<see cref="HttpBackendException"/>).
/// </summary>
public sealed class ValidationServiceClient : IHealthCheckedBackend
{
    private static readonly string[] JsonContentTypes = ["application/json"];
    private readonly HttpBackendTransport _transport;

    public ValidationServiceClient(HttpClient http, HttpBackendOptions options) =>
        _transport = new HttpBackendTransport(http, options, "validation service");

    public string Name => _transport.Name;

    public Task<ValidationServiceScore> ScoreAsync(GenerationPrompt prompt, byte[] spz, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(spz);
        var (path, field) = prompt.Kind == TaskKind.Image
            ? ("validate_img_to_3d_ply/", "prompt_image")
            : ("validate_txt_to_3d_ply/", "prompt");
        return _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(path)) { Content = RequestBody(field, prompt.Prompt, spz) },
            JsonContentTypes, ReadScoreAsync, cancellation);
    }

    public Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation) => _transport.CheckHealthAsync(cancellation);

    private static ByteArrayContent RequestBody(string promptField, string prompt, byte[] spz)
    {
        using var buffer = new MemoryStream(spz.Length / 3 * 4 + 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(promptField, prompt);
            json.WriteBase64String("data", spz);
            json.WriteNumber("compression", 2);
            json.WriteBoolean("generate_preview", false);
            json.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    /// <summary>Hostile input: the body must be a JSON object with a finite 0..1 <c>score</c>; the parts default to 0 as the service's do.</summary>
    private static async Task<ValidationServiceScore> ReadScoreAsync(Stream body, CancellationToken cancellation)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellation).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new FormatException($"the answer is not JSON ({error.Message})", error);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"the answer is a JSON {root.ValueKind}, not an object");
            if (!root.TryGetProperty("score", out _)) throw new FormatException("the answer has no 'score' field");
            var score = Number(root, "score");
            if (score is < 0 or > 1) throw new FormatException($"'score' {score} is outside 0..1");
            return new ValidationServiceScore(score, Number(root, "iqa"), Number(root, "alignment_score"), Number(root, "ssim"), Number(root, "lpips"));
        }
    }

    private static double Number(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw new FormatException($"field '{field}' is not a finite number ({value.GetRawText()})");
        return number;
    }
}
