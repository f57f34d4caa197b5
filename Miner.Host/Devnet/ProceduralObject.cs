using System.Collections.Concurrent;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Devnet;

/// <summary>
/// A devnet image prompt's subject: 1-3 coloured primitives as a gaussian cloud (centred, largest extent 1.5, the
/// validator's frame), the camera its prompt image was rendered from, and the background it was given (null:
/// transparent). The scorer renders submissions from the same camera so the views line up.
/// </summary>
public sealed class ProceduralObject
{
    private readonly ConcurrentDictionary<int, RgbaImage> _silhouettes = new();

    public ProceduralObject(IReadOnlyList<ProceduralShape> shapes, GaussianCloud cloud, double thetaDegrees, (byte R, byte G, byte B)? background)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        Shapes = shapes;
        Cloud = cloud ?? throw new ArgumentNullException(nameof(cloud));
        ThetaDegrees = thetaDegrees;
        Background = background;
    }

    public IReadOnlyList<ProceduralShape> Shapes { get; }

    public GaussianCloud Cloud { get; }

    /// <summary>The prompt camera's orbit angle; elevation and radius are the validator's production ones.</summary>
    public double ThetaDegrees { get; }

    public (byte R, byte G, byte B)? Background { get; }

    /// <summary>The prompt camera at <paramref name="size"/> pixels a side.</summary>
    public OrbitCamera Camera(int size) => new(ThetaDegrees, ProductionViews.PhiDegrees, ProductionViews.Radius, size, size);

    /// <summary>The object's render with coverage as alpha, cached per size.</summary>
    public RgbaImage Silhouette(int size) => _silhouettes.GetOrAdd(size, s => SilhouetteRenderer.Render(Cloud, Camera(s)));

    /// <summary>The prompt image as PNG bytes: RGBA when transparent, else RGB over the background colour.</summary>
    public byte[] PromptPng(int size)
    {
        var render = Silhouette(size);
        return Background is { } bg ? ImageCodec.EncodePng(render.CompositeOver(bg.R, bg.G, bg.B), includeAlpha: false) : ImageCodec.EncodePng(render);
    }

    public override string ToString() => string.Join(" + ", Shapes) + (Background is null ? " (transparent)" : $" over {Background}");
}
