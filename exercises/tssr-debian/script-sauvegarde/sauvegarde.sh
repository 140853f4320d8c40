#!/usr/bin/env bash
# TODO : décrivez le script (description, usage, auteur, date)

# TODO : traitez -h/--help, le nombre d'arguments et la source absente

tar -czf "$2/sauvegarde.tar.gz" "$1"
