// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// USD prices with 8 decimals, set by the owner. The native asset is keyed by NATIVE.
contract PriceOracle {
    address public constant NATIVE = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    uint8 public constant decimals = 8;

    struct Price {
        uint256 price;
        uint256 updatedAt;
    }

    address public owner;
    mapping(address => Price) private _prices;

    event PriceSet(address indexed token, uint256 price, uint256 updatedAt);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error NotOwner();
    error NoPrice(address token);
    error LengthMismatch();

    constructor(address owner_, address[] memory tokens, uint256[] memory prices) {
        owner = owner_;
        emit OwnershipTransferred(address(0), owner_);
        _setPrices(tokens, prices);
    }

    function setPrice(address token, uint256 price) external {
        if (msg.sender != owner) revert NotOwner();
        _set(token, price);
    }

    function setPrices(address[] calldata tokens, uint256[] calldata prices) external {
        if (msg.sender != owner) revert NotOwner();
        _setPrices(tokens, prices);
    }

    function transferOwnership(address newOwner) external {
        if (msg.sender != owner) revert NotOwner();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    /// Reverts with NoPrice for unknown tokens, so a missing price never reads as $0.
    function priceOf(address token) external view returns (uint256 price, uint256 updatedAt) {
        Price memory p = _prices[token];
        if (p.updatedAt == 0) revert NoPrice(token);
        return (p.price, p.updatedAt);
    }

    function pricesOf(address[] calldata tokens) external view returns (uint256[] memory prices, uint256[] memory updatedAt) {
        prices = new uint256[](tokens.length);
        updatedAt = new uint256[](tokens.length);
        for (uint256 i = 0; i < tokens.length; i++) {
            Price memory p = _prices[tokens[i]];
            prices[i] = p.price;
            updatedAt[i] = p.updatedAt;
        }
    }

    function _setPrices(address[] memory tokens, uint256[] memory prices) private {
        if (tokens.length != prices.length) revert LengthMismatch();
        for (uint256 i = 0; i < tokens.length; i++) _set(tokens[i], prices[i]);
    }

    function _set(address token, uint256 price) private {
        _prices[token] = Price(price, block.timestamp);
        emit PriceSet(token, price, block.timestamp);
    }
}
