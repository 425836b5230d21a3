// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Arbitrum ArbSys (0x...64): chain facts and L2→L1 sends.
contract ArbSys {
    uint256 internal constant ARBOS_VERSION = 32;

    uint256 internal sendCount; // slot 0

    event L2ToL1Tx(
        address caller,
        address indexed destination,
        uint256 indexed hash,
        uint256 indexed position,
        uint256 arbBlockNum,
        uint256 ethBlockNum,
        uint256 timestamp,
        uint256 callvalue,
        bytes data
    );

    function arbChainID() external view returns (uint256) {
        return block.chainid;
    }

    function arbBlockNumber() external view returns (uint256) {
        return block.number;
    }

    function arbBlockHash(uint256 arbBlockNum) external view returns (bytes32) {
        require(arbBlockNum < block.number && arbBlockNum + 256 >= block.number, "invalid block number");
        return blockhash(arbBlockNum);
    }

    /// ArbOS reports 55 + its version (ArbOS 32 → 87).
    function arbOSVersion() external pure returns (uint256) {
        return 55 + ARBOS_VERSION;
    }

    function isTopLevelCall() external view returns (bool) {
        return msg.sender == tx.origin;
    }

    function wasMyCallersAddressAliased() external pure returns (bool) {
        return false;
    }

    function sendTxToL1(address destination, bytes memory data) public payable returns (uint256) {
        uint256 position = sendCount++;
        uint256 hash = uint256(
            keccak256(abi.encodePacked(msg.sender, destination, block.number, block.timestamp, msg.value, data))
        );
        emit L2ToL1Tx(msg.sender, destination, hash, position, block.number, block.number, block.timestamp, msg.value, data);
        return position;
    }

    function withdrawEth(address destination) external payable returns (uint256) {
        return sendTxToL1(destination, bytes(""));
    }
}

/// Arbitrum ArbGasInfo (0x...6c): L1 and L2 price components. Values live in slots the devnet sets.
contract ArbGasInfo {
    uint256 internal l1BaseFeeEstimate; // slot 0: L1 base fee in wei
    uint256 internal l1PricePerUnit; // slot 1: wei per L1 calldata gas unit (usually = slot 0)
    uint256 internal minimumGasPrice; // slot 2

    uint256 internal constant TX_DATA_NONZERO_GAS = 16;
    uint256 internal constant L2_TX_OVERHEAD_BYTES = 140;
    uint256 internal constant STORAGE_ARB_GAS = 20_000;

    function getL1BaseFeeEstimate() public view returns (uint256) {
        return l1BaseFeeEstimate;
    }

    function getL1GasPriceEstimate() external view returns (uint256) {
        return l1BaseFeeEstimate;
    }

    function getMinimumGasPrice() external view returns (uint256) {
        return minimumGasPrice;
    }

    /// (per L2 tx, per L1 calldata byte, per storage allocation, per ArbGas base, per ArbGas congestion, per ArbGas total)
    function getPricesInWei() external view returns (uint256, uint256, uint256, uint256, uint256, uint256) {
        uint256 l2Price = block.basefee;
        uint256 perL1Byte = l1PricePerUnit * TX_DATA_NONZERO_GAS;
        uint256 perL2Tx = perL1Byte * L2_TX_OVERHEAD_BYTES;
        uint256 congestion = l2Price > minimumGasPrice ? l2Price - minimumGasPrice : 0;
        return (perL2Tx, perL1Byte, l2Price * STORAGE_ARB_GAS, minimumGasPrice, congestion, l2Price);
    }

    /// (per L2 tx, per L1 calldata byte, per storage allocation) in ArbGas.
    function getPricesInArbGas() external view returns (uint256, uint256, uint256) {
        uint256 l2Price = block.basefee == 0 ? 1 : block.basefee;
        uint256 perL1Byte = (l1PricePerUnit * TX_DATA_NONZERO_GAS) / l2Price;
        return (perL1Byte * L2_TX_OVERHEAD_BYTES, perL1Byte, STORAGE_ARB_GAS);
    }
}

/// Arbitrum NodeInterface (0x...c8): gas estimates split into L2 execution and L1 data posting.
/// Only reachable through eth_call/eth_estimateGas, like the real virtual contract.
contract NodeInterface {
    ArbGasInfo internal constant GAS_INFO = ArbGasInfo(0x000000000000000000000000000000000000006C);
    uint256 internal constant L2_TX_OVERHEAD_BYTES = 140;

    function gasEstimateL1Component(address, bool, bytes calldata data)
        public
        payable
        returns (uint64 gasEstimateForL1, uint256 baseFee, uint256 l1BaseFeeEstimate)
    {
        baseFee = block.basefee;
        l1BaseFeeEstimate = GAS_INFO.getL1BaseFeeEstimate();
        uint256 l1Cost = (data.length + L2_TX_OVERHEAD_BYTES) * 16 * l1BaseFeeEstimate;
        gasEstimateForL1 = uint64(baseFee == 0 ? 0 : l1Cost / baseFee);
    }

    /// gasEstimate = intrinsic + executed gas of the call (run here) + the L1 component.
    function gasEstimateComponents(address to, bool contractCreation, bytes calldata data)
        external
        payable
        returns (uint64 gasEstimate, uint64 gasEstimateForL1, uint256 baseFee, uint256 l1BaseFeeEstimate)
    {
        (gasEstimateForL1, baseFee, l1BaseFeeEstimate) = gasEstimateL1Component(to, contractCreation, data);
        uint256 executed = 0;
        if (!contractCreation && to.code.length > 0) {
            uint256 before = gasleft();
            (bool ok, bytes memory reason) = to.call{value: msg.value}(data);
            executed = before - gasleft();
            if (!ok) {
                assembly {
                    revert(add(reason, 32), mload(reason))
                }
            }
        }
        uint256 calldataGas = 0;
        for (uint256 i = 0; i < data.length; i++) calldataGas += data[i] == 0 ? 4 : 16;
        gasEstimate = uint64(21_000 + calldataGas + executed + gasEstimateForL1 + (contractCreation ? 32_000 : 0));
    }

    function nitroGenesisBlock() external pure returns (uint256) {
        return 0;
    }
}
