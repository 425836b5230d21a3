// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// OP Stack L1Block (0x4200...0015): L1 attributes the sequencer writes each block.
/// Every value sits in its own slot so the devnet can set it with anvil_setStorageAt.
contract L1Block {
    uint256 public number; // slot 0
    uint256 public timestamp; // slot 1
    uint256 public basefee; // slot 2
    bytes32 public hash; // slot 3
    uint256 public blobBaseFee; // slot 4
    uint256 internal _baseFeeScalar; // slot 5
    uint256 internal _blobBaseFeeScalar; // slot 6

    function baseFeeScalar() external view returns (uint32) {
        return uint32(_baseFeeScalar);
    }

    function blobBaseFeeScalar() external view returns (uint32) {
        return uint32(_blobBaseFeeScalar);
    }
}

/// OP Stack GasPriceOracle (0x4200...000F), Ecotone fee formula over L1Block's values.
contract GasPriceOracle {
    uint256 public constant DECIMALS = 6;
    L1Block internal constant L1_BLOCK = L1Block(0x4200000000000000000000000000000000000015);

    function version() external pure returns (string memory) {
        return "1.3.0-devnet";
    }

    function isEcotone() external pure returns (bool) {
        return true;
    }

    function isFjord() external pure returns (bool) {
        return false;
    }

    function gasPrice() external view returns (uint256) {
        return block.basefee;
    }

    function baseFee() external view returns (uint256) {
        return block.basefee;
    }

    function l1BaseFee() public view returns (uint256) {
        return L1_BLOCK.basefee();
    }

    function blobBaseFee() public view returns (uint256) {
        return L1_BLOCK.blobBaseFee();
    }

    function baseFeeScalar() public view returns (uint32) {
        return L1_BLOCK.baseFeeScalar();
    }

    function blobBaseFeeScalar() public view returns (uint32) {
        return L1_BLOCK.blobBaseFeeScalar();
    }

    function decimals() external pure returns (uint256) {
        return DECIMALS;
    }

    /// Calldata gas of the signed transaction: 4 per zero byte, 16 per non-zero, plus 68 bytes of signature.
    function getL1GasUsed(bytes memory data) public pure returns (uint256) {
        uint256 total = 0;
        for (uint256 i = 0; i < data.length; i++) total += data[i] == 0 ? 4 : 16;
        return total + 68 * 16;
    }

    function getL1Fee(bytes memory data) external view returns (uint256) {
        uint256 scaledBaseFee = uint256(baseFeeScalar()) * 16 * l1BaseFee();
        uint256 scaledBlobBaseFee = uint256(blobBaseFeeScalar()) * blobBaseFee();
        return (getL1GasUsed(data) * (scaledBaseFee + scaledBlobBaseFee)) / (16 * 10 ** DECIMALS);
    }
}

/// OP Stack L2ToL1MessagePasser (0x4200...0016): withdrawals are recorded here and proven on L1.
contract L2ToL1MessagePasser {
    uint16 public constant MESSAGE_VERSION = 1;

    mapping(bytes32 => bool) public sentMessages; // slot 0
    uint240 internal msgNonce; // slot 1

    event MessagePassed(
        uint256 indexed nonce,
        address indexed sender,
        address indexed target,
        uint256 value,
        uint256 gasLimit,
        bytes data,
        bytes32 withdrawalHash
    );
    event WithdrawerBalanceBurnt(uint256 indexed amount);

    receive() external payable {
        initiateWithdrawal(msg.sender, 100_000, bytes(""));
    }

    function version() external pure returns (string memory) {
        return "1.1.0-devnet";
    }

    /// Nonce with the message version in its top two bytes, as OP's Encoding.encodeVersionedNonce.
    function messageNonce() public view returns (uint256) {
        return (uint256(MESSAGE_VERSION) << 240) | uint256(msgNonce);
    }

    function initiateWithdrawal(address _target, uint256 _gasLimit, bytes memory _data) public payable {
        uint256 nonce = messageNonce();
        bytes32 withdrawalHash = keccak256(abi.encode(nonce, msg.sender, _target, msg.value, _gasLimit, _data));
        sentMessages[withdrawalHash] = true;
        emit MessagePassed(nonce, msg.sender, _target, msg.value, _gasLimit, _data, withdrawalHash);
        unchecked {
            ++msgNonce;
        }
    }

    function burn() external {
        uint256 balance = address(this).balance;
        (bool ok,) = payable(address(0)).call{value: balance}("");
        require(ok, "burn failed");
        emit WithdrawerBalanceBurnt(balance);
    }
}
