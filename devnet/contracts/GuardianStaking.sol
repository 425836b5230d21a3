// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @title GuardianStaking
/// @notice L1 stake registry of the Metalayer guardians (spec A1) and the equivocation slasher (spec A5).
/// Guardians stake ERA, register their BLS public key and sign with their ECDSA key (msg.sender).
/// Anyone holding two conflicting checkpoints signed by one guardian can slash it and earn a reward.
contract GuardianStaking {
    using SafeERC20 for IERC20;

    /// @dev Same fields and order as the spec's Checkpoint (A3).
    struct Checkpoint {
        uint32 networkId;
        uint64 epoch;
        uint64 timestamp;
        uint64 guardianSetId;
        bytes32 aggregateRoot;
        uint32 rollupCount;
    }

    struct GuardianInfo {
        bytes blsPubkey;
        uint256 stake;
        bool registered;
    }

    uint16 public constant MIN_SLASH_BPS = 1000;
    uint16 public constant MAX_SLASH_BPS = 5000;
    address public constant BURN = 0x000000000000000000000000000000000000dEaD;

    IERC20 public immutable era;
    uint32 public immutable networkId;
    /// Share of the stake taken per proven equivocation, in basis points (10%..50%).
    uint16 public immutable slashBps;
    /// Share of the slashed amount paid to the reporter, in basis points; the rest is burned.
    uint16 public immutable reporterRewardBps;

    mapping(address => GuardianInfo) private guardians;
    address[] private guardianList;
    /// One slash per (guardian, networkId, epoch, guardianSetId): the same offence cannot be reported twice.
    mapping(bytes32 => bool) public offenceReported;

    event GuardianRegistered(address indexed guardian, bytes blsPubkey, uint256 stake);
    event StakeAdded(address indexed guardian, uint256 amount, uint256 stake);
    event GuardianSlashed(
        address indexed guardian,
        uint64 indexed epoch,
        uint64 guardianSetId,
        uint256 slashed,
        address indexed reporter,
        uint256 reward
    );

    error InvalidSlashShare(uint16 slashBps);
    error InvalidRewardShare(uint16 rewardBps);
    error AlreadyRegistered(address guardian);
    error NotRegistered(address guardian);
    error BadBlsPubkey(uint256 length);
    error ZeroAmount();
    error WrongNetwork(uint32 networkId);
    error NotConflicting();
    error WrongSigner(address expected, address recovered);
    error OffenceAlreadyReported(bytes32 offence);
    error NothingToSlash(address guardian);

    constructor(IERC20 era_, uint32 networkId_, uint16 slashBps_, uint16 reporterRewardBps_) {
        if (slashBps_ < MIN_SLASH_BPS || slashBps_ > MAX_SLASH_BPS) revert InvalidSlashShare(slashBps_);
        if (reporterRewardBps_ > 10_000) revert InvalidRewardShare(reporterRewardBps_);
        era = era_;
        networkId = networkId_;
        slashBps = slashBps_;
        reporterRewardBps = reporterRewardBps_;
    }

    /// @notice Registers msg.sender as a guardian (its ECDSA address) with a 48-byte BLS key and an initial stake.
    function register(bytes calldata blsPubkey, uint256 amount) external {
        if (guardians[msg.sender].registered) revert AlreadyRegistered(msg.sender);
        if (blsPubkey.length != 48) revert BadBlsPubkey(blsPubkey.length);
        if (amount == 0) revert ZeroAmount();
        era.safeTransferFrom(msg.sender, address(this), amount);
        guardians[msg.sender] = GuardianInfo({blsPubkey: blsPubkey, stake: amount, registered: true});
        guardianList.push(msg.sender);
        emit GuardianRegistered(msg.sender, blsPubkey, amount);
    }

    function addStake(uint256 amount) external {
        GuardianInfo storage g = guardians[msg.sender];
        if (!g.registered) revert NotRegistered(msg.sender);
        if (amount == 0) revert ZeroAmount();
        era.safeTransferFrom(msg.sender, address(this), amount);
        g.stake += amount;
        emit StakeAdded(msg.sender, amount, g.stake);
    }

    function stakeOf(address guardian) external view returns (uint256) {
        return guardians[guardian].stake;
    }

    function blsPubkeyOf(address guardian) external view returns (bytes memory) {
        return guardians[guardian].blsPubkey;
    }

    function isRegistered(address guardian) external view returns (bool) {
        return guardians[guardian].registered;
    }

    function guardianCount() external view returns (uint256) {
        return guardianList.length;
    }

    function guardianAt(uint256 i) external view returns (address ecdsa, bytes memory blsPubkey, uint256 stake) {
        ecdsa = guardianList[i];
        GuardianInfo storage g = guardians[ecdsa];
        return (ecdsa, g.blsPubkey, g.stake);
    }

    /// @notice keccak(abi.encodePacked("METALAYER/CHECKPOINT/v1", networkId, epoch, timestamp, guardianSetId, aggregateRoot, rollupCount)) (spec A3).
    function checkpointSigningRoot(Checkpoint calldata c) public pure returns (bytes32) {
        return keccak256(
            abi.encodePacked(
                "METALAYER/CHECKPOINT/v1", c.networkId, c.epoch, c.timestamp, c.guardianSetId, c.aggregateRoot, c.rollupCount
            )
        );
    }

    /// @notice Slashes `guardian` for signing two different checkpoints of one (networkId, epoch, guardianSetId) (spec A5).
    /// @param sigA,sigB the guardian's 65-byte EIP-191 signatures over the two signing roots.
    function reportEquivocation(
        address guardian,
        Checkpoint calldata a,
        bytes calldata sigA,
        Checkpoint calldata b,
        bytes calldata sigB
    ) external returns (uint256 slashed, uint256 reward) {
        if (a.networkId != networkId) revert WrongNetwork(a.networkId);
        if (b.networkId != networkId) revert WrongNetwork(b.networkId);
        if (a.epoch != b.epoch || a.guardianSetId != b.guardianSetId) revert NotConflicting();
        bytes32 rootA = checkpointSigningRoot(a);
        bytes32 rootB = checkpointSigningRoot(b);
        if (rootA == rootB) revert NotConflicting();
        _requireSigner(guardian, rootA, sigA);
        _requireSigner(guardian, rootB, sigB);

        bytes32 offence = keccak256(abi.encode(guardian, a.networkId, a.epoch, a.guardianSetId));
        if (offenceReported[offence]) revert OffenceAlreadyReported(offence);
        offenceReported[offence] = true;

        GuardianInfo storage g = guardians[guardian];
        if (!g.registered || g.stake == 0) revert NothingToSlash(guardian);
        slashed = (g.stake * slashBps) / 10_000;
        g.stake -= slashed;
        reward = (slashed * reporterRewardBps) / 10_000;
        if (reward > 0) era.safeTransfer(msg.sender, reward);
        if (slashed > reward) era.safeTransfer(BURN, slashed - reward);
        emit GuardianSlashed(guardian, a.epoch, a.guardianSetId, slashed, msg.sender, reward);
    }

    function _requireSigner(address guardian, bytes32 signingRoot, bytes calldata sig) private pure {
        // EIP-191 personal message over the 32 raw bytes of the signing root.
        address recovered = ECDSA.recover(MessageHashUtils.toEthSignedMessageHash(signingRoot), sig);
        if (recovered != guardian) revert WrongSigner(guardian, recovered);
    }
}
