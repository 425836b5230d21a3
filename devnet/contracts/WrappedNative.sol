// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// WETH9-style wrapper (deposit/withdraw); the deploy value backs the balances minted to test accounts.
contract WrappedNative is ERC20 {
    event Deposit(address indexed dst, uint256 wad);
    event Withdrawal(address indexed src, uint256 wad);

    constructor(string memory name_, string memory symbol_, address[] memory holders, uint256 amountEach)
        payable
        ERC20(name_, symbol_)
    {
        require(msg.value >= amountEach * holders.length, "WrappedNative: value below minted amount");
        for (uint256 i = 0; i < holders.length; i++) _mint(holders[i], amountEach);
        _mint(msg.sender, msg.value - amountEach * holders.length);
    }

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        _mint(msg.sender, msg.value);
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 wad) external {
        _burn(msg.sender, wad);
        (bool ok,) = msg.sender.call{value: wad}("");
        require(ok, "WrappedNative: send failed");
        emit Withdrawal(msg.sender, wad);
    }
}
