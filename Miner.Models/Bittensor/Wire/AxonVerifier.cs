using System.Globalization;
using System.Text;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// bittensor's <c>Axon.default_verify</c> on the header values: nonce freshness and monotonicity per
/// (hotkey, uuid), then sr25519 over <c>nonce.dendriteHotkey.OWN_hotkey.uuid.bodyHash</c> with the
/// <c>&lt;Bytes&gt;</c> retry. The nonce is recorded only after everything passed.
/// </summary>
internal sealed class AxonVerifier(string ownHotkey, AxonOptions options)
{
    /// <summary>Dendrites from bittensor 7.2 on get the freshness window; older ones only the monotonic rule.</summary>
    private const long FreshnessWindowVersion = 7_002_000;

    private readonly NonceTracker _nonces = new(options.MaxTrackedNonces);

    /// <summary>Null when verified; otherwise the reason, as bittensor words it.</summary>
    public string? Verify(Synapse headers, long nowNanoseconds)
    {
        var dendrite = headers.Dendrite;
        if (!Ss58.TryDecode(dendrite.Hotkey, out var publicKey))
            return dendrite.Hotkey is null ? "Missing dendrite hotkey" : $"Invalid SS58 address '{dendrite.Hotkey}'";
        var message = string.Join('.', Python(dendrite.Nonce), dendrite.Hotkey, ownHotkey, dendrite.Uuid ?? "None", headers.ComputedBodyHash);
        var key = $"{dendrite.Hotkey}:{dendrite.Uuid ?? "None"}";
        if (dendrite.Nonce is not { } nonce) return "Missing Nonce";

        var last = _nonces.Last(key);
        if (dendrite.Version >= FreshnessWindowVersion)
        {
            // Python computes this in floats; the timeout header is not signed, so it is only as good as the caller.
            var allowed = options.NonceAllowedDelta.Ticks * 100.0 + headers.Timeout * 1e9;
            if (last is null && nonce <= nowNanoseconds - allowed)
            {
                var age = ((double)nowNanoseconds - nonce) / 1e9;
                return string.Create(CultureInfo.InvariantCulture,
                    $"Nonce is too old: acceptable delta is {allowed / 1e9:F2} seconds but request was {age:F2} seconds old");
            }
        }
        if (nonce <= last) return "Nonce is too old, a newer one was last processed";

        if (SignatureProblem(dendrite.Signature, publicKey, message) is { } problem) return problem;
        return _nonces.TryAdvance(key, nonce) ? null : "Nonce is too old, a newer one was last processed";
    }

    private string? SignatureProblem(string? signature, byte[] publicKey, string message)
    {
        if (string.IsNullOrEmpty(signature)) return options.RequireSignature ? "Missing signature" : null;
        if (!signature.StartsWith("0x", StringComparison.Ordinal)) return "Invalid signature format. Expected hex string.";
        var bytes = new byte[Sr25519Keypair.SignatureLength];
        if (signature.Length != 2 + 2 * bytes.Length || Convert.FromHexString(signature.AsSpan(2), bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            return "Invalid signature";
        return Sr25519.VerifyWithBytesWrapperFallback(publicKey, Encoding.UTF8.GetBytes(message), bytes)
            ? null
            : $"Signature mismatch with {message} and {signature}";
    }

    private static string Python(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";
}
