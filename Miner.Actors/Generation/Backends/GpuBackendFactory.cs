using Miner.Models.Generation;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// Turns <c>miner.generation</c> into what the cards run: per card the HTTP clients of its services (several
/// generate endpoints in turn), the CPU fallbacks where an entry asks for them (labelled as fallbacks), and the
/// worker processes it must start; and the gate chain: the self-validation gate, then the validation service's
/// self-scoring when <c>self-scoring.url</c> is set. Throws <see cref="ArgumentException"/> naming the key on
/// settings that cannot work (MinerSettings refuses them earlier, naming where they were set).
/// </summary>
public sealed class GpuBackendFactory
{
    private readonly GenerationOptions _generation;
    private readonly CpuBackendOptions _cpu;
    private readonly SelfValidationOptions _gate;
    private readonly SplatOptions _splats;
    private readonly HttpClient _http;

    /// <param name="http">Shared by every client; its own timeout must be infinite (each call has its own).</param>
    public GpuBackendFactory(GenerationOptions generation, CpuBackendOptions cpu, SelfValidationOptions gate, SplatOptions splats, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(generation);
        generation.Validate();
        (_generation, _cpu, _gate, _splats, _http) = (generation, cpu, gate, splats, http);
    }

    /// <summary>Every configured card, in configuration order.</summary>
    public IReadOnlyList<GpuCardPlan> Cards() => [.. _generation.Gpus.Select((_, i) => Card(i))];

    public GpuCardPlan Card(int index)
    {
        var card = _generation.Gpus[index];
        var name = card.NameFor(index);
        var device = card.DeviceFor(index);
        var workers = new List<GpuWorker>();
        GpuBackends backends;
        if (card.Generate is { } generate)
        {
            var endpoints = generate.Endpoints
                .Select((url, k) => (IPromptTo3DBackend)new GenerateEndpointBackend(_http, Http(generate, url, _generation.TrellisTimeout, $"{name} generate #{k}"), _splats.Read))
                .ToList();
            backends = GpuBackends.Monolithic(endpoints.Count == 1 ? endpoints[0] : new RotatingPromptTo3DBackend(endpoints));
            AddWorker(workers, "generate", generate, generate.Endpoints[0]);
        }
        else
        {
            var removal = card.BackgroundRemoval!;
            var to3D = card.ImageTo3D!;
            ITextToImageBackend? text = card.TextToImage is { } t
                ? new HttpTextToImageBackend(_http, Http(t, t.Url, _generation.ImageTimeout, $"{name} text-to-image"), t.NegativePrompt, t.Width, t.Height, t.Steps)
                : null;
            IBackgroundRemovalBackend mask = removal.CpuFallback
                ? new BorderMattingBackgroundRemover(_cpu)
                : new HttpBackgroundRemovalBackend(_http, Http(removal, removal.Url, _generation.MaskTimeout, $"{name} background removal"));
            IImageTo3DBackend threeD = to3D.CpuFallback
                ? new SilhouetteInflationImageTo3D(_cpu)
                : new HttpImageTo3DBackend(_http, Http(to3D, to3D.Url, _generation.TrellisTimeout, $"{name} image-to-3d"), to3D.SamplerSteps, _splats.Read);
            backends = new GpuBackends(text, mask, threeD);
            if (card.TextToImage is { } textService) AddWorker(workers, "text-to-image", textService, textService.Url);
            AddWorker(workers, "background-removal", removal, removal.Url);
            AddWorker(workers, "image-to-3d", to3D, to3D.Url);
        }
        return new GpuCardPlan(name, device, backends, workers.Count == 0 ? null : new GpuWorkers(device, workers, _http));
    }

    /// <summary>
    /// The self-validation gate, then the validation service when configured. <paramref name="warn"/> hears the
    /// self-scoring gate's fallback (service unavailable, submitted on our own checks).
    /// </summary>
    public ISplatGate Gate(Action<string>? warn = null)
    {
        ISplatGate own = new SelfValidationGate(_gate, _splats.ValidatorCheck);
        var scoring = _generation.SelfScoring;
        if (!scoring.Enabled) return own;
        var service = new ValidationServiceClient(_http, new HttpBackendOptions
        {
            BaseAddress = new Uri(scoring.Url),
            Timeout = scoring.Timeout,
            HealthTimeout = scoring.HealthTimeout,
            MaxResponseBytes = scoring.MaxResponse.Bytes,
            Label = "self-scoring",
        });
        return new SelfScoringGate(own, service, scoring.ToGateOptions(), _splats.Spz, warn);
    }

    private static HttpBackendOptions Http(BackendServiceOptions service, string url, TimeSpan stageTimeout, string label) => new()
    {
        BaseAddress = new Uri(url),
        // The stage's own timeout restarts a hung stage; the HTTP call should give up no later.
        Timeout = service.Timeout ?? stageTimeout,
        HealthTimeout = service.HealthTimeout,
        MaxResponseBytes = service.MaxResponse.Bytes,
        Label = label,
    };

    private static void AddWorker(List<GpuWorker> workers, string backend, BackendServiceOptions service, string url)
    {
        if (service.Process is { } process) workers.Add(new GpuWorker(backend, process.ToProcessOptions(url)));
    }
}
