// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice ERA stand-in for the metalayer's own tests when H3a's L1 token is not passed in.
contract TestEra is ERC20 {
    constructor(address holder, uint256 supply) ERC20("ERA", "ERA") {
        _mint(holder, supply);
    }
}
