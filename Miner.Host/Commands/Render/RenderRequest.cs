using Miner.Models.Rendering;

namespace Miner.Host.Commands.Render;

/// <summary>
/// What <c>miner render</c> was asked for. A custom view is requested as soon as any of theta, phi, radius, bbox, size
/// or fov is given; the others then take the production values (phi -15, radius 2.5, bbox 1.5, 518 px, fov 49.1).
/// </summary>
public sealed record RenderRequest(string File)
{
    /// <summary>Directory for the 16 production views, or the PNG file of a custom view.</summary>
    public string? Out { get; init; }

    /// <summary>PNG file for the 1041 x 1041 grid preview.</summary>
    public string? Grid { get; init; }

    public double? Theta { get; init; }
    public double? Phi { get; init; }
    public double? Radius { get; init; }
    public double? ReferenceSize { get; init; }
    public int? Size { get; init; }
    public double? Fov { get; init; }

    public CullingBox Culling { get; init; } = CullingBox.Gsplat153;

    public bool IsCustomView => Theta is not null || Phi is not null || Radius is not null || ReferenceSize is not null
                                || Size is not null || Fov is not null;
}
