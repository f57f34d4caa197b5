using Microsoft.AspNetCore.Http;
using Miner.Models.Generation;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Http;

/// <summary>Misbehaving services: every failure ends in an <see cref="HttpBackendException"/> of the right kind, never a hang or a crash.</summary>
public sealed class HttpBackendFailureSpecs
{
    [Fact]
    public async Task A_500_is_a_transient_status_failure_quoting_the_body()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("CUDA out of memory");
        });

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => ImageTo3D(server).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Status, error.Failure);
        Assert.True(error.IsTransient);
        Assert.Contains("status 500", error.Message);
        Assert.Contains("CUDA out of memory", error.Message);
        Assert.Contains(server.Address.Authority, error.Message);
    }

    [Fact]
    public async Task A_422_is_a_status_failure_that_is_not_worth_retrying()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 422));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Status, error.Failure);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Too_many_requests_and_request_timeout_are_worth_retrying(int status)
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, status));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_service_that_never_answers_times_out()
    {
        await using var server = await LoopbackHttpServer.StartAsync(BackendServers.Hang);

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server, timeoutSeconds: 0.3).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Timeout, error.Failure);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_body_that_stalls_half_way_times_out()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = BackendServers.PlyBytes.Length;
            await context.Response.Body.WriteAsync(BackendServers.PlyBytes.AsMemory(0, 2000));
            await context.Response.Body.FlushAsync();
            await BackendServers.Hang(context);
        });

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => ImageTo3D(server, timeoutSeconds: 0.5).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Timeout, error.Failure);
    }

    [Fact]
    public async Task A_connection_closed_mid_body_is_a_truncated_answer()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.HalfThenClose(context, BackendServers.PlyBytes, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => ImageTo3D(server).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Truncated, error.Failure);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_png_closed_mid_body_is_a_truncated_answer()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.HalfThenClose(context, BackendServers.PngBytes, "image/png"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Removal(server).RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Truncated, error.Failure);
    }

    [Fact]
    public async Task An_html_error_page_is_refused_by_content_type()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, "<html>proxy error</html>"u8.ToArray(), "text/html"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.ContentType, error.Failure);
        Assert.Contains("text/html", error.Message);
    }

    [Fact]
    public async Task A_ply_where_a_png_was_expected_is_refused_by_content_type()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Removal(server).RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.ContentType, error.Failure);
    }

    [Fact]
    public async Task A_declared_oversized_body_is_refused_before_it_is_read()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => ImageTo3D(server, maxBytes: 10_000).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.TooLarge, error.Failure);
        Assert.Contains("Content-Length", error.Message);
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_stopped_while_streaming()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Chunked(context, BackendServers.PlyBytes, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server, maxBytes: 10_000).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.TooLarge, error.Failure);
        Assert.Contains("10000", error.Message);
    }

    [Fact]
    public async Task An_oversized_chunked_png_is_stopped_while_streaming()
    {
        var big = new byte[200_000];
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Chunked(context, big, "image/png"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Removal(server, maxBytes: 50_000).RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.TooLarge, error.Failure);
    }

    [Fact]
    public async Task A_corrupt_png_is_a_corrupt_answer_naming_the_problem()
    {
        var corrupt = (byte[])BackendServers.PngBytes.Clone();
        var idat = corrupt.AsSpan().IndexOf("IDAT"u8);
        corrupt[idat + 4] ^= 0xFF; // the zlib header of the image data
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, corrupt, "image/png"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Removal(server).RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Corrupt, error.Failure);
        Assert.False(error.IsTransient);
        Assert.Contains("does not decode", error.Message);
    }

    [Fact]
    public async Task A_corrupt_ply_is_a_corrupt_answer()
    {
        var corrupt = "ply\nformat binary_little_endian 1.0\nelement vertex -5\nend_header\n"u8.ToArray();
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, corrupt, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server).GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Corrupt, error.Failure);
    }

    [Fact]
    public async Task A_ply_cut_short_by_a_clean_close_is_corrupt_or_truncated_never_accepted()
    {
        var cut = BackendServers.PlyBytes[..(BackendServers.PlyBytes.Length - 100)];
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Chunked(context, cut, "application/octet-stream"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Generate(server).GenerateAsync("a cat", CancellationToken.None));

        Assert.Contains(error.Failure, new[] { HttpBackendFailure.Corrupt, HttpBackendFailure.Truncated });
    }

    [Fact]
    public async Task Random_and_truncated_bodies_always_end_in_a_backend_exception()
    {
        var random = new Random(17);
        var bodies = new List<byte[]>();
        for (var i = 0; i < 12; i++)
        {
            var cut = BackendServers.PlyBytes[..random.Next(0, BackendServers.PlyBytes.Length - 1)];
            bodies.Add(cut);
            var noise = new byte[random.Next(1, 5000)];
            random.NextBytes(noise);
            bodies.Add(noise);
        }
        var next = 0;
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, bodies[next++], "application/octet-stream"));
        var backend = Generate(server);

        foreach (var _ in bodies)
            await Assert.ThrowsAsync<HttpBackendException>(() => backend.GenerateAsync("a cat", CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_listening_is_an_unreachable_service()
    {
        var backend = new HttpBackgroundRemovalBackend(BackendServers.Http, new HttpBackendOptions { BaseAddress = new Uri("http://127.0.0.1:1/") });

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => backend.RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Unreachable, error.Failure);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_failure()
    {
        await using var server = await LoopbackHttpServer.StartAsync(BackendServers.Hang);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generate(server).GenerateAsync("a cat", cancellation.Token));
    }

    [Fact]
    public async Task Cancelling_while_the_ply_streams_is_a_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = BackendServers.PlyBytes.Length;
            await context.Response.Body.WriteAsync(BackendServers.PlyBytes.AsMemory(0, 3000));
            await context.Response.Body.FlushAsync();
            cancellation.CancelAfter(100);
            await BackendServers.Hang(context);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImageTo3D(server).GenerateAsync(BackendServers.Picture, 1, cancellation.Token));
    }

    [Fact]
    public async Task A_service_that_dies_and_comes_back_serves_again()
    {
        var healthy = false;
        await using var server = await LoopbackHttpServer.StartAsync(context =>
            healthy ? BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream") : BackendServers.Status(context, 502));
        var backend = Generate(server);

        var first = await Assert.ThrowsAsync<HttpBackendException>(() => backend.GenerateAsync("a cat", CancellationToken.None));
        healthy = true;
        var splats = await backend.GenerateAsync("a cat", CancellationToken.None);

        Assert.True(first.IsTransient);
        Assert.Equal(BackendServers.Cloud.Count, splats.Count);
    }

    private static HttpImageTo3DBackend ImageTo3D(LoopbackHttpServer server, double timeoutSeconds = 10, long maxBytes = 64 << 20) =>
        new(BackendServers.Http, BackendServers.Options(server, timeoutSeconds, maxBytes));

    private static GenerateEndpointBackend Generate(LoopbackHttpServer server, double timeoutSeconds = 10, long maxBytes = 64 << 20) =>
        new(BackendServers.Http, BackendServers.Options(server, timeoutSeconds, maxBytes));

    private static HttpBackgroundRemovalBackend Removal(LoopbackHttpServer server, long maxBytes = 64 << 20) =>
        new(BackendServers.Http, BackendServers.Options(server, maxBytes: maxBytes));
}
