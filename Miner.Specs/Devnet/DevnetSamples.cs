using System.Numerics;
using Miner.Host.Devnet;
using Miner.Models.Splats;

namespace Miner.Specs.Devnet;

/// <summary>Procedural objects and clouds the devnet specs share.</summary>
internal static class DevnetSamples
{
    /// <summary>A red sphere with a blue box beside it.</summary>
    public static IReadOnlyList<ProceduralShape> SphereAndBox { get; } =
    [
        new(ProceduralShapeKind.Sphere, Vector3.Zero, new Vector3(0.5f), Quaternion.Identity, new Vector3(0.9f, 0.2f, 0.2f)),
        new(ProceduralShapeKind.Box, new Vector3(0.6f, 0, 0), new Vector3(0.25f, 0.25f, 0.25f), Quaternion.Identity, new Vector3(0.2f, 0.3f, 0.9f)),
    ];

    public static ProceduralObject Object(double thetaDegrees = 30, int gaussians = 12_000) =>
        new(SphereAndBox, ProceduralObjectFactory.Build(SphereAndBox, gaussians, seed: 7), thetaDegrees, background: null);

    public static DevnetTask ImageTask(ProceduralObject subject) =>
        new(Miner.Models.Protocol.ProtocolTask.Image("img-1", Convert.ToBase64String(subject.PromptPng(128))), subject);

    public static string Base64Spz(GaussianCloud cloud) => Convert.ToBase64String(SpzWriter.Write(cloud));
}
