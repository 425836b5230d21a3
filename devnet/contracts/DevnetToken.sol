// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// ERC-20 for the devnet: fixed supply minted at deploy to the test accounts and the deployer.
contract DevnetToken is ERC20 {
    uint8 private immutable _decimals;

    constructor(
        string memory name_,
        string memory symbol_,
        uint8 decimals_,
        address[] memory holders,
        uint256 amountEach,
        uint256 deployerAmount
    ) ERC20(name_, symbol_) {
        _decimals = decimals_;
        for (uint256 i = 0; i < holders.length; i++) _mint(holders[i], amountEach);
        _mint(msg.sender, deployerAmount);
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}
