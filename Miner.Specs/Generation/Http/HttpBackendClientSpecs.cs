using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Http;

/// <summary>The HTTP backend clients against well-behaved loopback services: what they send and what they hand back.</summary>
public sealed class HttpBackendClientSpecs
{
    [Fact]
    public async Task Text_to_image_posts_the_documented_json_and_decodes_the_png()
    {
        JsonElement? sent = null;
        string? path = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            sent = JsonDocument.Parse(await BackendServers.ReadBody(context)).RootElement.Clone();
            await BackendServers.Reply(context, BackendServers.PngBytes, "image/png");
        });
        var backend = new HttpTextToImageBackend(BackendServers.Http, BackendServers.Options(server), negativePrompt: "blurry", width: 512, height: 768, steps: 6);

        var image = await backend.GenerateAsync("a red teapot", 42, CancellationToken.None);

        Assert.Equal(BackendServers.Picture.Pixels, image.Pixels);
        Assert.Equal("/text-to-image", path);
        var json = sent!.Value;
        Assert.Equal("a red teapot", json.GetProperty("prompt").GetString());
        Assert.Equal("blurry", json.GetProperty("negative_prompt").GetString());
        Assert.Equal(42, json.GetProperty("seed").GetInt32());
        Assert.Equal(512, json.GetProperty("width").GetInt32());
        Assert.Equal(768, json.GetProperty("height").GetInt32());
        Assert.Equal(6, json.GetProperty("steps").GetInt32());
    }

    [Fact]
    public async Task Background_removal_posts_the_png_and_returns_the_rgba_answer()
    {
        byte[]? received = null;
        string? contentType = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            contentType = context.Request.ContentType;
            received = await BackendServers.ReadBody(context);
            await BackendServers.Reply(context, BackendServers.PngBytes, "image/png");
        });
        var backend = new HttpBackgroundRemovalBackend(BackendServers.Http, BackendServers.Options(server));

        var image = await backend.RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None);

        Assert.Equal("image/png", contentType);
        Assert.Equal(BackendServers.Picture.Pixels, ImageCodec.Decode(received).Pixels);
        Assert.Equal(BackendServers.Picture.Pixels, image.Pixels);
        Assert.False(backend.IsFallback);
    }

    [Fact]
    public async Task Image_to_3d_sends_seed_and_steps_and_reads_the_ply_into_activated_values()
    {
        string? query = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            query = context.Request.Path + context.Request.QueryString.Value;
            await BackendServers.ReadBody(context);
            await BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream");
        });
        var backend = new HttpImageTo3DBackend(BackendServers.Http, BackendServers.Options(server), samplerSteps: 25);

        var splats = await backend.GenerateAsync(BackendServers.Picture, 7, CancellationToken.None);

        Assert.Equal("/image-to-3d?seed=7&steps=25", query);
        AssertSameCloud(BackendServers.Cloud, splats);
    }

    [Fact]
    public async Task The_generate_endpoint_gets_the_prompt_form_field_and_its_ply_is_read()
    {
        string? prompt = null;
        string? path = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            prompt = (await context.Request.ReadFormAsync())["prompt"];
            await BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream");
        });
        var backend = new GenerateEndpointBackend(BackendServers.Http, BackendServers.Options(server));

        var splats = await backend.GenerateAsync("a wooden chair", CancellationToken.None);

        Assert.Equal("/generate/", path);
        Assert.Equal("a wooden chair", prompt);
        AssertSameCloud(BackendServers.Cloud, splats);
    }

    [Fact]
    public async Task The_generate_endpoint_carries_a_large_base64_image_prompt_intact()
    {
        var image = new byte[600_000];
        new Random(3).NextBytes(image);
        var base64 = Convert.ToBase64String(image);
        string? prompt = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            prompt = (await context.Request.ReadFormAsync())["prompt"];
            await BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream");
        });

        await new GenerateEndpointBackend(BackendServers.Http, BackendServers.Options(server)).GenerateAsync(base64, CancellationToken.None);

        Assert.Equal(base64, prompt);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_its_path()
    {
        string? path = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            await BackendServers.Reply(context, BackendServers.PngBytes, "image/png");
        });
        var options = BackendServers.Options(server) with { BaseAddress = new Uri(server.Address, "gpu0") };

        await new HttpBackgroundRemovalBackend(BackendServers.Http, options).RemoveBackgroundAsync(BackendServers.Picture, CancellationToken.None);

        Assert.Equal("/gpu0/remove-background", path);
    }

    [Fact]
    public async Task Health_is_good_on_a_2xx_answer()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
            context.Request.Path == "/health" ? context.Response.WriteAsync("ok") : BackendServers.Status(context, 404));

        var health = await new HttpImageTo3DBackend(BackendServers.Http, BackendServers.Options(server)).CheckHealthAsync(CancellationToken.None);

        Assert.True(health.Healthy, health.Detail);
    }

    [Fact]
    public async Task Health_is_bad_with_the_status_and_body_on_a_503()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("model still loading");
        });

        var health = await new GenerateEndpointBackend(BackendServers.Http, BackendServers.Options(server)).CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Contains("503", health.Detail);
        Assert.Contains("model still loading", health.Detail);
    }

    [Fact]
    public async Task Health_is_bad_when_nothing_listens()
    {
        var options = new HttpBackendOptions { BaseAddress = new Uri("http://127.0.0.1:1/") };

        var health = await new HttpTextToImageBackend(BackendServers.Http, options).CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Contains("cannot reach", health.Detail);
    }

    [Fact]
    public async Task Health_is_bad_when_the_service_hangs_past_the_health_timeout()
    {
        await using var server = await LoopbackHttpServer.StartAsync(BackendServers.Hang);
        var options = BackendServers.Options(server) with { HealthTimeout = TimeSpan.FromMilliseconds(200) };

        var health = await new HttpTextToImageBackend(BackendServers.Http, options).CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Contains("no answer within", health.Detail);
    }

    [Fact]
    public void Options_that_are_not_an_http_url_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new HttpImageTo3DBackend(BackendServers.Http, new HttpBackendOptions { BaseAddress = new Uri("file:///tmp/x") }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new HttpImageTo3DBackend(BackendServers.Http, new HttpBackendOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), Timeout = TimeSpan.Zero }));
    }

    private static void AssertSameCloud(GaussianCloud expected, ActivatedSplats actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(ColourEncoding.ShDc, actual.ColourEncoding);
        Assert.Equal(expected.ShDegree, actual.ShDegree);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.ShDc, actual.Colours);
        Assert.Equal(expected.ShRest, actual.ShRest);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(GaussianCloud.Sigmoid(expected.Opacities[i]), actual.Opacities[i], 6);
        for (var i = 0; i < expected.Scales.Length; i++) Assert.Equal(MathF.Exp(expected.Scales[i]), actual.Scales[i], 6);
    }
}
