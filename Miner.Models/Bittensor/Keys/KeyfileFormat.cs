namespace Miner.Models.Bittensor.Keys;

/// <summary>How a bittensor keyfile is stored, told apart by the first bytes of the file.</summary>
public enum KeyfileFormat
{
    /// <summary>Plain JSON (hotkeys are normally stored this way).</summary>
    PlainJson,
    /// <summary><c>$NACL</c>: NaCl secretbox with an Argon2i key (bittensor 6+, btwallet).</summary>
    NaclEncrypted,
    /// <summary><c>$ANSIBLE_VAULT</c>: Ansible Vault 1.1 (older bittensor).</summary>
    AnsibleVaultEncrypted,
    /// <summary><c>gAAAAA</c>: a legacy Fernet token (bittensor 6 and older).</summary>
    LegacyFernetEncrypted,
}
