using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Keys;

namespace Miner.Models.Protocol;

/// <summary>
/// The licence consent every submission signs (the subnet's <c>MINER_LICENSE_CONSENT_DECLARATION</c>). The signed
/// message is the declaration, the submit time, the task prompt (the whole base64 image for image tasks), the
/// validator's and the miner's SS58 addresses, concatenated without separators; the signature travels as standard
/// padded base64 of its 64 bytes.
/// </summary>
public static class LicenseDeclaration
{
    public const string Text =
        "I, as a miner on SN17, have obtained all licenses, rights and consents required to use, reproduce, modify, " +
        "display, distribute and make available my submitted results to this subnet and its end users";

    public static byte[] Message(long submitTime, string prompt, string validatorHotkey, string minerHotkey) =>
        Encoding.UTF8.GetBytes(string.Concat(Text, submitTime.ToString(CultureInfo.InvariantCulture), prompt, validatorHotkey, minerHotkey));

    public static string Sign(Sr25519Keypair miner, long submitTime, string prompt, string validatorHotkey, RandomNumberGenerator? rng = null)
    {
        ArgumentNullException.ThrowIfNull(miner);
        var message = Message(submitTime, prompt, validatorHotkey, Ss58.Encode(miner.PublicKey));
        return Convert.ToBase64String(miner.Sign(message, rng));
    }

    /// <summary>
    /// The validator's check: strict base64 of exactly 64 bytes (anything else made the Python handler raise, so it
    /// is reported as a FormatException), then sr25519 with the <c>&lt;Bytes&gt;</c> fallback.
    /// </summary>
    public static bool Verify(string signature, long submitTime, string prompt, string validatorHotkey, string minerHotkey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[Sr25519Keypair.SignatureLength];
        if (!Convert.TryFromBase64String(signature, bytes, out var written) || written != bytes.Length || signature.Length != 88)
            throw new FormatException("the licence signature is not base64 of 64 bytes");
        if (!Ss58.TryDecode(minerHotkey, out var publicKey)) throw new FormatException($"'{minerHotkey}' is not an SS58 address");
        return Sr25519.VerifyWithBytesWrapperFallback(publicKey, Message(submitTime, prompt, validatorHotkey, minerHotkey), bytes);
    }
}
