namespace Miner.Models.Splats;

/// <summary>
/// Raw activated arrays, the image-to-3D backend's alternative to a PLY (media type
/// <c>application/x-activated-splats</c>). All little-endian:
/// <code>
/// offset 0   4 bytes  magic "ASPL"
/// offset 4   uint16   version (1)
/// offset 6   uint8    SH degree (0..3)
/// offset 7   uint8    colour encoding (0 = RGB 0..1, 1 = SH DC)
/// offset 8   uint32   gaussian count N
/// offset 12  float32  positions  [N][3] x, y, z
///            float32  colours    [N][3]
///            float32  opacities  [N]    alpha 0..1
///            float32  scales     [N][3] linear, positive
///            float32  rotations  [N][4] w, x, y, z (any norm)
///            float32  sh-rest    [N][3 * ((degree + 1)^2 - 1)] channel-major, as PLY f_rest_*
/// </code>
/// and nothing after. The arrays are exactly <see cref="ActivatedSplats"/>'s, so the PLY-write stage cleans them as
/// it does any backend's output.
/// </summary>
public static class ActivatedSplatsLayout
{
    public const string MediaType = "application/x-activated-splats";
    public const ushort Version = 1;
    public const int HeaderBytes = 12;
    public const int MaxShDegree = 3;
    public static ReadOnlySpan<byte> Magic => "ASPL"u8;

    /// <summary>Floats per gaussian for an SH degree: 3 + 3 + 1 + 3 + 4 + the SH rest.</summary>
    public static int FloatsPerGaussian(int shDegree) => 14 + 3 * GaussianCloud.ShRestPerChannelForDegree(shDegree);

    public static long ByteLength(long count, int shDegree) => HeaderBytes + 4L * FloatsPerGaussian(shDegree) * count;
}
