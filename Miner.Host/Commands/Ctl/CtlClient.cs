using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Miner.Host.Admin;
using Miner.Host.Cli;

namespace Miner.Host.Commands.Ctl;

/// <summary>
/// A client of a node's admin endpoint for `miner ctl`: one request, its JSON body, or a <see cref="CtlFailure"/> with
/// the exit code (1: refused, 2: unreachable) and one line to print.
/// </summary>
public sealed class CtlClient : IDisposable
{
    /// <summary>Beyond the node's own ask timeout (5 s by default), so the node's 504 arrives before ours.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;
    private readonly Uri _node;

    public CtlClient(Uri node, string token, TimeSpan? timeout = null)
    {
        _node = node;
        _http = new HttpClient { BaseAddress = node, Timeout = timeout ?? DefaultTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Sends the request; returns the body of a 2xx answer, throws <see cref="CtlFailure"/> otherwise.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, object? body = null, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body, AdminJson.Options), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new CtlFailure(ExitCodes.Unreachable, $"cannot reach the node at {_node}: {FailureReport.OneLine(error.Message)} (is it running? --node URL)");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new CtlFailure(ExitCodes.Unreachable, $"the node at {_node} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return text;
            var error = ErrorOf(text) ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            var code = (int)response.StatusCode >= 500 ? ExitCodes.Unreachable : ExitCodes.Failed;
            var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " (the token does not match the node's: --token-file FILE)" : "";
            throw new CtlFailure(code, $"{(int)response.StatusCode}: {error}{hint}");
        }
    }

    private static string? ErrorOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) &&
                   e.ValueKind == JsonValueKind.String ? FailureReport.OneLine(e.GetString()!) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>`miner ctl` stops with <see cref="ExitCode"/> and one line.</summary>
public sealed class CtlFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
